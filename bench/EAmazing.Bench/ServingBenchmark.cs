using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace EAmazing.Bench;

/// <summary>
/// <c>serve</c>: starts the built <c>eamazing serve</c> on a loopback port over an existing lake and registry
/// (e.g. what <c>eamazing demo</c> made, champion promoted), creates a throw-away reader key, and drives
/// <c>POST /v1/purchase-intent</c> with <c>wrk -t2 -c16 --latency</c> and a Lua script posting a cart with its session.
/// </summary>
public static partial class ServingBenchmark
{
    private static readonly Option<string> LakeOption = new("--lake") { Description = "Lake the server reads (history features)", Required = true };
    private static readonly Option<string> ModelsOption = new("--models") { Description = "Registry with a promoted purchase-intent-cart champion", Required = true };
    private static readonly Option<int> SecondsOption = new("--seconds") { Description = "wrk duration (at most 30)", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> ConnectionsOption = new("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 16 };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string?> CliOption = new("--cli") { Description = "The built eamazing.dll (default: the Release build of this repository)" };

    private static readonly Dictionary<string, string> NoEnvironment = [];

    private const string Body = """{"user_id": 512386086, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1004856, "category_id": 2053013555631882655, "price": 130.76}, "session": [{"time": "2019-11-20T10:10:00Z", "type": "view", "product_id": 1004856, "category_id": 2053013555631882655, "price": 130.76}, {"time": "2019-11-20T10:12:00Z", "type": "view", "product_id": 1005115, "category_id": 2053013555631882655, "price": 910.5}]}""";

    public static Command Create()
    {
        var command = new Command("serve", "Load-test eamazing serve with wrk (POST /v1/purchase-intent)");
        command.Options.Add(LakeOption);
        command.Options.Add(ModelsOption);
        command.Options.Add(SecondsOption);
        command.Options.Add(ConnectionsOption);
        command.Options.Add(WriteOption);
        command.Options.Add(CliOption);
        command.SetAction(parse => Run(parse));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var seconds = Math.Clamp(parse.GetValue(SecondsOption), 1, 30);
        var connections = parse.GetValue(ConnectionsOption);
        var work = Directory.CreateTempSubdirectory("eamazing-serve-bench-").FullName;
        // bench full passes the CLI it runs, so a bench started outside the repository serves with the same build.
        var cli = parse.GetValue(CliOption) is { } given
            ? Path.GetFullPath(given)
            : Path.Combine(Loopback.RepositoryRoot(), "src", "EAmazing.Cli", "bin", "Release", "net10.0", "linux-x64", "eamazing.dll");
        var environment = new Dictionary<string, string>
        {
            ["EAMAZING__SERVING__APIKEYSFILE"] = Path.Combine(work, "api-keys.json"),
            // The benchmark measures latency under load, not the per-key limit.
            ["EAMAZING__SERVING__REQUESTSPERSECONDPERKEY"] = "1000000",
            ["EAMAZING__SERVING__BURSTPERKEY"] = "1000000",
        };
        var key = BenchProcess.Capture(BenchProcess.Start(cli, environment, "api-key", "create", "--role", "reader", "--name", "bench"), standardOutputOnly: true).Trim();
        var port = Loopback.FreePort();
        using var server = BenchProcess.Start(cli, environment, "serve", "--urls", $"http://127.0.0.1:{port}", "--lake", parse.GetValue(LakeOption)!, "--models", parse.GetValue(ModelsOption)!);
        try
        {
            var starting = System.Diagnostics.Stopwatch.StartNew();
            if (!WaitReady(port, server))
            {
                Console.Error.WriteLine(FormattableString.Invariant($"the server did not become ready in {starting.Elapsed.TotalSeconds:N0} s (is a champion promoted?)"));
                return 1;
            }

            // At full scale the server reads the lake's whole history before it listens: minutes, not seconds.
            Console.WriteLine(FormattableString.Invariant($"server ready after {starting.Elapsed.TotalSeconds:N1} s"));

            var script = Path.Combine(work, "purchase-intent.lua");
            File.WriteAllText(script, $"wrk.method = \"POST\"\nwrk.body = [[{Body}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Authorization\"] = \"Bearer {key}\"\n");
            var url = $"http://127.0.0.1:{port}/v1/purchase-intent";
            // Warm-up: JIT, pools and caches, not measured.
            BenchProcess.Capture(BenchProcess.Start("wrk", NoEnvironment, "-t2", $"-c{connections}", "-d3s", "-s", script, url));
            var output = BenchProcess.Capture(BenchProcess.Start("wrk", NoEnvironment, "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url));
            Console.WriteLine(output);
            var wrk = WrkReport.Parse(output);
            var figures = FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd} | `wrk -t2 -c{connections} -d{seconds}s --latency` POST /v1/purchase-intent (cart + 2 session events) | {wrk.Requests:N0} | {wrk.Rate:N0} | {wrk.P50} | {wrk.P99} | {wrk.Non2xx:N0} non-2xx, {wrk.SocketErrors} socket errors | {BenchmarkLog.Machine} |");
            Console.WriteLine(figures);
            if (parse.GetValue(WriteOption) is { } path)
            {
                BenchmarkLog.AppendRow(path, "Serving",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- serve --lake LAKE --models MODELS [--seconds 30] [--write BENCHMARKS.md]`: the built " +
                    "`eamazing serve` on loopback (fasttree champion of `eamazing demo`, history cached from its lake), driven by `wrk` on the same 2 cores " +
                    "(wrk's own threads compete with the server). Closed loop: wrk sends as fast as responses come back, so req/s is the throughput at that " +
                    "concurrency and the latencies are at that load. Target: p99 < 10 ms at 1,000 req/s, 0 errors.",
                    "| date (UTC) | load | requests | req/s | p50 | p99 | errors | machine |",
                    figures);
            }

            return wrk.Non2xx == 0 && wrk.SocketErrors == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool WaitReady(int port, Process server)
    {
        using var client = new HttpClient();
        // Up to 15 minutes: the server loads the lake's history (every silver event) before it takes requests.
        for (var attempt = 0; attempt < 3_600 && !server.HasExited; attempt++)
        {
            try
            {
                if (client.GetAsync($"http://127.0.0.1:{port}/health/ready").Result.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (AggregateException)
            {
                // not listening yet
            }

            Thread.Sleep(250);
        }

        return false;
    }

}
