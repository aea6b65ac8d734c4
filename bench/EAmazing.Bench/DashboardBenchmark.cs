using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace EAmazing.Bench;

/// <summary>
/// <c>dashboard</c>: starts the built <c>eamazing serve</c> over an existing lake and registry (e.g. what <c>eamazing demo</c>
/// made), signs in with a throw-away reader key, and times every dashboard page (<see cref="DashboardPages"/>): the first visit (the page reads the lake,
/// the registry and the trail) and then N visits one after another (served from the cache until the lake changes), as
/// p50/p95 of the wall time over loopback (an upper bound of the server's time). Reference, same run: <c>GET /health/live</c>.
/// Target: every page under 300 ms.
/// </summary>
public static class DashboardBenchmark
{
    private static readonly Option<string> LakeOption = new("--lake") { Description = "Lake the dashboard reads", Required = true };
    private static readonly Option<string> ModelsOption = new("--models") { Description = "Model registry the dashboard reads", Required = true };
    private static readonly Option<int> VisitsOption = new("--visits") { Description = "Visits per page after the first", DefaultValueFactory = _ => 50 };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };

    public static Command Create()
    {
        var command = new Command("dashboard", "Time every dashboard page of eamazing serve (first visit, then p50/p95 of N visits)");
        command.Options.Add(LakeOption);
        command.Options.Add(ModelsOption);
        command.Options.Add(VisitsOption);
        command.Options.Add(WriteOption);
        command.SetAction(parse => Run(parse));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var visits = Math.Max(5, parse.GetValue(VisitsOption));
        var lake = parse.GetValue(LakeOption)!;
        var models = parse.GetValue(ModelsOption)!;
        using var server = DashboardServer.Start(lake, models, "bench");
        if (server is null)
        {
            return 1;
        }

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(server.BaseUrl) };
        server.SignIn(client);
        var pages = DashboardPages.Select(models, ["all"]).Select(p => p.Path);
        var rows = new List<(string Page, double First, double P50, double P95)>();
        foreach (var page in pages)
        {
            var first = Time(client, page);
            var times = Enumerable.Range(0, visits).Select(_ => Time(client, page)).Order().ToList();
            rows.Add((page, first, Percentile(times, 0.5), Percentile(times, 0.95)));
            Console.WriteLine(FormattableString.Invariant($"{page,-30} first {first,8:0.0} ms   p50 {rows[^1].P50,6:0.0} ms   p95 {rows[^1].P95,6:0.0} ms"));
        }

        var health = Enumerable.Range(0, visits).Select(_ => Time(client, "/health/live")).Order().ToList();
        var reference = FormattableString.Invariant($"GET /health/live p50 {Percentile(health, 0.5):0.0} ms, p95 {Percentile(health, 0.95):0.0} ms; load {BenchmarkLog.LoadAverage()}");
        Console.WriteLine(reference);
        if (parse.GetValue(WriteOption) is { } path)
        {
            var figures = string.Join("; ", rows.Select(r => FormattableString.Invariant($"{r.Page} {r.First:0} ms first, p50 {r.P50:0.0} / p95 {r.P95:0.0} ms")));
            BenchmarkLog.AppendRow(path, "Dashboard",
                "`dotnet run -c Release --project bench/EAmazing.Bench -- dashboard --lake L --models M [--visits N] [--write BENCHMARKS.md]`: each page's first visit "
                + "(reads the lake, registry and audit trail) and p50/p95 of N visits after it (cached per lake/registry version), wall time over loopback "
                + "as an upper bound of the server's time. Reference: GET /health/live in the same run. Target: every page < 300 ms.",
                "| date | command | data size | figures | reference (same run) | machine |",
                FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd} | `bench dashboard --lake {lake} --visits {visits}` | {DataSize(lake)} | {figures} | {reference} | {BenchmarkLog.Machine} |"));
        }

        return rows.All(r => r.P95 < 300 && r.First < 300) ? 0 : 1;
    }

    private static double Time(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = client.GetAsync(path).Result;
        _ = response.Content.ReadAsByteArrayAsync().Result;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string DataSize(string lake)
    {
        var silver = Path.Combine(lake, "silver");
        var bytes = Directory.Exists(silver) ? Directory.EnumerateFiles(silver, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"lake {Path.GetFullPath(lake)}, silver {bytes / 1024.0:N0} KiB");
    }
}
