using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Neural;
using EAmazing.BusinessModels.Recommendation.Serving;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Bench;

/// <summary>
/// <c>recommend</c>: the next-item champion of a registry served by the built <c>eamazing serve</c> on loopback, driven
/// by <c>wrk</c> with a Lua script that posts 200 different sessions (three viewed items of training sessions, a user id,
/// n 20, exclude_seen). Debian's wrk 4.1 has no fixed-rate mode (-R is wrk2's), so the script paces it: each connection
/// waits <c>--pause-ms</c> after every response (wrk's <c>delay()</c>), 10 connections × (9 ms + latency) ≈ 1,000 req/s;
/// the row reports the rate reached. Before wrk, the same champion is timed in process (the scoring alone, same
/// sessions), so the network's candidate rerank and its full-catalogue ranking can be compared without HTTP noise.
/// </summary>
public static partial class RecommendationServingBenchmark
{
    private static readonly Option<string> LakeOption = new("--lake") { Description = "Lake the server reads (a copy: it appends predictions and audit)", Required = true };
    private static readonly Option<string> ModelsOption = new("--models") { Description = "Registry with a promoted next-item champion", Required = true };
    private static readonly Option<int> SecondsOption = new("--seconds") { Description = "wrk duration (at most 60)", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> ConnectionsOption = new("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 10 };
    private static readonly Option<int> PauseOption = new("--pause-ms") { Description = "Pause of each connection after a response (0: closed loop, as fast as responses come)", DefaultValueFactory = _ => 9 };
    private static readonly Option<int> CandidatesOption = new("--candidates") { Description = "EAmazing:Serving:RecommendationCandidates for a neural champion (0: rank the whole catalogue)", DefaultValueFactory = _ => 200 };
    private static readonly Option<int> NeuralSessionsOption = new("--neural-sessions")
    {
        Description = "Serve instead a GRU4Rec network fitted here (1 epoch, seed 46) on the champion's latest N training sessions, in a copy of the registry: latency of the neural path where training the real one is too slow (0: the champion as registered)",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };

    private static readonly Dictionary<string, string> NoEnvironment = [];

    public static Command Create()
    {
        var command = new Command("recommend", "Load-test POST /v1/recommendations of eamazing serve with wrk, paced near 1,000 req/s, and time the champion in process");
        command.Options.Add(LakeOption);
        command.Options.Add(ModelsOption);
        command.Options.Add(SecondsOption);
        command.Options.Add(ConnectionsOption);
        command.Options.Add(PauseOption);
        command.Options.Add(CandidatesOption);
        command.Options.Add(NeuralSessionsOption);
        command.Options.Add(WriteOption);
        command.SetAction(parse => Run(parse));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var seconds = Math.Clamp(parse.GetValue(SecondsOption), 1, 60);
        var connections = Math.Max(1, parse.GetValue(ConnectionsOption));
        var pause = Math.Max(0, parse.GetValue(PauseOption));
        var candidates = Math.Max(0, parse.GetValue(CandidatesOption));
        var work = Directory.CreateTempSubdirectory("eamazing-recommend-bench-").FullName;
        var models = parse.GetValue(ModelsOption)!;
        var neural = parse.GetValue(NeuralSessionsOption);
        if (neural > 0)
        {
            models = NeuralCopy(models, work, neural);
        }

        var registry = new ModelRegistry(models);
        if (registry.Champion(RecommendationModel.RegistryName) is not { } card)
        {
            Console.Error.WriteLine($"no {RecommendationModel.RegistryName} champion in {models}");
            return 1;
        }

        var folder = registry.VersionFolder(card.Name, card.Version);
        var load = Stopwatch.StartNew();
        var champion = ServableRecommender.Load(folder, candidates);
        var loadSeconds = load.Elapsed.TotalSeconds;
        var index = RecommenderIndexFile.Read(Path.Combine(folder, RecommenderIndexFile.FileName));
        var sessions = Sessions(index, 200);
        var (inProcessP50, inProcessP99) = TimeInProcess(champion, sessions);
        var scored = champion.Candidates > 0 ? $"{champion.Candidates} co-visitation candidates reranked" : $"all {champion.ItemCount:N0} items ranked";
        Console.WriteLine(FormattableString.Invariant($"{card.Name} v{card.Version} ({champion.Fit.Method}), {scored}: load {loadSeconds:0.0} s; in process p50 {inProcessP50:0.000} ms, p99 {inProcessP99:0.000} ms"));

        if (neural > 0)
        {
            scored += FormattableString.Invariant($"; network fitted by the bench, 1 epoch on the latest {neural:N0} training sessions (latency, not quality)");
        }

        var cli = Path.Combine(Loopback.RepositoryRoot(), "src", "EAmazing.Cli", "bin", "Release", "net10.0", "linux-x64", "eamazing.dll");
        var environment = new Dictionary<string, string>
        {
            ["EAMAZING__SERVING__APIKEYSFILE"] = Path.Combine(work, "api-keys.json"),
            ["EAMAZING__SERVING__REQUESTSPERSECONDPERKEY"] = "1000000",
            ["EAMAZING__SERVING__BURSTPERKEY"] = "1000000",
            ["EAMAZING__SERVING__RECOMMENDATIONCANDIDATES"] = candidates.ToString(CultureInfo.InvariantCulture),
        };
        var key = BenchProcess.Capture(BenchProcess.Start(cli, environment, "api-key", "create", "--role", "reader", "--name", "bench"), standardOutputOnly: true).Trim();
        var port = Loopback.FreePort();
        using var server = BenchProcess.Start(cli, environment, "serve", "--urls", $"http://127.0.0.1:{port}", "--lake", parse.GetValue(LakeOption)!, "--models", models);
        try
        {
            if (!WaitServing(port, key, server, Body(sessions[0], 0)))
            {
                Console.Error.WriteLine("the server never answered POST /v1/recommendations with 200 (is a next-item champion promoted, trained by this build?)");
                return 1;
            }

            var script = Path.Combine(work, "recommend.lua");
            File.WriteAllText(script, Script(sessions, key, pause));
            var url = $"http://127.0.0.1:{port}/v1/recommendations";
            BenchProcess.Capture(BenchProcess.Start("wrk", NoEnvironment, "-t2", $"-c{connections}", "-d3s", "-s", script, url));
            var output = BenchProcess.Capture(BenchProcess.Start("wrk", NoEnvironment, "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url));
            Console.WriteLine(output);
            var wrk = WrkReport.Parse(output);
            var pacing = pause > 0 ? $"paced: {connections} connections × ({pause} ms pause + response)" : $"closed loop, {connections} connections";
            var figures = FormattableString.Invariant(
                $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `recommend --candidates {candidates}{(neural > 0 ? FormattableString.Invariant($" --neural-sessions {neural}") : "")} --connections {connections} --pause-ms {pause} --seconds {seconds}` ({pacing}) | {card.Name} v{card.Version} {champion.Fit.Method}, {scored} | {wrk.Requests:N0} | {wrk.Rate:N0} | {wrk.P50} | {wrk.P99} | {wrk.Non2xx:N0} non-2xx, {wrk.SocketErrors} socket errors | {inProcessP50:0.000} / {inProcessP99:0.000} ms | {BenchmarkLog.Machine}, load {BenchmarkLog.LoadAverage()} |");
            Console.WriteLine(figures);
            if (parse.GetValue(WriteOption) is { } path)
            {
                BenchmarkLog.AppendRow(path, "Serving next-item recommendations",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- recommend --lake LAKE --models MODELS [--candidates 200] [--connections 10] [--pause-ms 9] [--seconds 30] [--write BENCHMARKS.md]`: "
                    + "the built `eamazing serve` on loopback with the registry's next-item champion, `POST /v1/recommendations` from `wrk -t2 --latency` on the same cores with a Lua script "
                    + "cycling 200 sessions (3 viewed items of training sessions, a user id, n 20, exclude_seen; every answer recorded and audited). Debian's wrk 4.1 cannot hold a fixed rate "
                    + "(-R is wrk2's): each connection pauses after every response (wrk's `delay()`), so 10 connections × (9 ms + latency) ≈ 1,000 req/s, and the row gives the rate reached. "
                    + "In process: the champion's `Recommend` alone over the same sessions (p50 / p99), the reference without HTTP. Target: p99 < 10 ms at 1,000 req/s, 0 errors.",
                    "| date (UTC) | load | champion | requests | req/s | p50 | p99 | errors | in process p50 / p99 | machine |",
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

    /// <summary>A copy of the registry's next-item models whose champion is a GRU4Rec network fitted on its latest training sessions.</summary>
    private static string NeuralCopy(string models, string work, int sessions)
    {
        var card = new ModelRegistry(models).Champion(RecommendationModel.RegistryName) ?? throw new InvalidOperationException($"no {RecommendationModel.RegistryName} champion in {models}");
        var target = Path.Combine(work, "models");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(models, RecommendationModel.RegistryName), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, RecommendationModel.RegistryName, Path.GetRelativePath(Path.Combine(models, RecommendationModel.RegistryName), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var folder = new ModelRegistry(target).VersionFolder(card.Name, card.Version);
        var index = RecommenderIndexFile.Read(Path.Combine(folder, RecommenderIndexFile.FileName));
        var latest = index.Sessions.OrderBy(s => s.UnixSeconds[^1]).TakeLast(sessions).ToList();
        var watch = Stopwatch.StartNew();
        var network = new Gru4RecRecommender(new Gru4RecOptions { Epochs = 1, Seed = 46 });
        network.Fit(latest, index.ProductIds.Length);
        network.Save(Path.Combine(folder, ServableRecommender.Gru4RecFileName));
        Console.WriteLine(FormattableString.Invariant($"GRU4Rec fitted on {latest.Count:N0} sessions, 1 epoch, in {watch.Elapsed.TotalSeconds:0} s"));
        var fit = RecommenderFit.Load(folder);
        (fit with { Method = "gru4rec", Hyperparameters = new Dictionary<string, string> { ["hidden"] = "100", ["epochs"] = "1", [RecommenderMethod.SeedSetting] = "46", ["sessions"] = sessions.ToString(CultureInfo.InvariantCulture) } }).Save(folder);
        return target;
    }

    /// <summary>Three-item sessions from training sequences spread over the index, as product ids with times.</summary>
    private static List<(long Product, long Time)[]> Sessions(RecommenderIndex index, int count)
    {
        var long3 = index.Sessions.Where(s => s.Length >= 3).ToList();
        var step = Math.Max(1, long3.Count / count);
        return long3.Where((_, i) => i % step == 0).Take(count)
            .Select(s => Enumerable.Range(0, 3).Select(i => (index.ProductIds[s.Items[i]], s.UnixSeconds[i])).ToArray()).ToList();
    }

    private static (double P50, double P99) TimeInProcess(ServableRecommender champion, List<(long Product, long Time)[]> sessions)
    {
        var queries = sessions.Select(s => new NextItemQuery(s.Select(e => e.Product).ToArray(), s.Select(e => e.Time).ToArray(), new byte[s.Length], 20, true, null)).ToList();
        foreach (var query in queries)
        {
            champion.Recommend(query);
        }

        var times = new List<double>();
        for (var round = 0; round < 10; round++)
        {
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                champion.Recommend(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }

    private static string Body((long Product, long Time)[] session, int i)
    {
        var events = string.Join(", ", session.Select(e => FormattableString.Invariant(
            $"{{\"product_id\": {e.Product}, \"type\": \"view\", \"time\": \"{DateTimeOffset.FromUnixTimeSeconds(e.Time):yyyy-MM-ddTHH:mm:ssZ}\"}}")));
        return FormattableString.Invariant($"{{\"user_id\": {500_000_000 + i}, \"session\": [{events}], \"n\": 20, \"exclude_seen\": true}}");
    }

    private static string Script(List<(long Product, long Time)[]> sessions, string key, int pause)
    {
        var lua = new StringBuilder("local bodies = {\n");
        for (var i = 0; i < sessions.Count; i++)
        {
            lua.Append("  [[").Append(Body(sessions[i], i)).Append("]],\n");
        }

        lua.Append("}\nlocal next = 0\nwrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
            .Append("wrk.headers[\"Authorization\"] = \"Bearer ").Append(key).Append("\"\n")
            .Append("request = function()\n  next = next % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[next])\nend\n");
        if (pause > 0)
        {
            lua.Append(CultureInfo.InvariantCulture, $"delay = function()\n  return {pause}\nend\n");
        }

        return lua.ToString();
    }

    /// <summary>Waits until the recommendation endpoint answers 200 (the champion is refitted at start, which takes seconds).</summary>
    private static bool WaitServing(int port, string key, Process server, string body)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        for (var attempt = 0; attempt < 480 && !server.HasExited; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                if (client.PostAsync($"http://127.0.0.1:{port}/v1/recommendations", content).Result.StatusCode == HttpStatusCode.OK)
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
