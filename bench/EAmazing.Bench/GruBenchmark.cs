using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Neural;
using EAmazing.Foundation.Randomness;
using Spectre.Console;

namespace EAmazing.Bench;

/// <summary>
/// <c>gru</c>: the GRU4Rec-style network's training speed (events/s per epoch) and its scoring latency, whole
/// catalogue (<c>ScoreAll</c>, what evaluation does) against a candidate list (<c>ScoreCandidates</c>, serving's
/// rerank), on synthetic sessions sized like the demo world. The sessions have a Zipf item popularity and
/// item-to-item structure (each item has a few likely successors), so the held-out Recall@20 says whether the run
/// learned anything; the most-popular ranking's Recall@20 on the same test events is the reference.
/// </summary>
public static class GruBenchmark
{
    private static readonly Option<int> ItemsOption = new("--items") { Description = "Catalogue size", DefaultValueFactory = _ => 40_000 };
    private static readonly Option<int> EventsOption = new("--events") { Description = "Training events (approximate)", DefaultValueFactory = _ => 1_000_000 };
    private static readonly Option<int> EpochsOption = new("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> HiddenOption = new("--hidden") { Description = "GRU hidden size", DefaultValueFactory = _ => new Gru4RecOptions().HiddenSize };
    private static readonly Option<int> NegativesOption = new("--negatives") { Description = "Sampled negatives per step", DefaultValueFactory = _ => new Gru4RecOptions().NegativeSamples };
    private static readonly Option<int> BatchOption = new("--batch") { Description = "Session-parallel batch size", DefaultValueFactory = _ => new Gru4RecOptions().BatchSize };
    private static readonly Option<int> CandidatesOption = new("--candidates") { Description = "Candidate list length for the rerank latency", DefaultValueFactory = _ => 200 };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };

    public static Command Create()
    {
        var command = new Command("gru", "GRU4Rec-style network: training events/s per epoch, ScoreAll vs ScoreCandidates latency");
        foreach (var option in new Option[] { ItemsOption, EventsOption, EpochsOption, HiddenOption, NegativesOption, BatchOption, CandidatesOption, WriteOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(
            parse.GetValue(ItemsOption), parse.GetValue(EventsOption), parse.GetValue(CandidatesOption), parse.GetValue(WriteOption),
            new Gru4RecOptions
            {
                Epochs = parse.GetValue(EpochsOption),
                HiddenSize = parse.GetValue(HiddenOption),
                NegativeSamples = parse.GetValue(NegativesOption),
                BatchSize = parse.GetValue(BatchOption),
            }));
        return command;
    }

    private static int Run(int itemCount, int events, int candidateCount, string? write, Gru4RecOptions options)
    {
        var (train, test) = Sessions(itemCount, events, seed: 46);
        var trainEvents = train.Sum(s => (long)s.Length);
        AnsiConsole.MarkupLineInterpolated($"{train.Count:N0} training sessions, {trainEvents:N0} events, {itemCount:N0} items; training {options.Epochs} epoch(s) …");
        var model = new Gru4RecRecommender(options);
        // The machine is shared: CPU seconds (training is single-threaded) say what a quiet core would take.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        model.Fit(train, itemCount);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var perCpuSecond = model.History.Sum(e => e.Events) / fitCpu;

        var epochs = new Table().AddColumns("epoch", "events predicted", "seconds", "events/s", "mean loss");
        foreach (var epoch in model.History)
        {
            epochs.AddRow(Invariant($"{epoch.Epoch}"), Invariant($"{epoch.Events:N0}"), Invariant($"{epoch.Seconds:0.0}"), Invariant($"{epoch.EventsPerSecond:N0}"), Invariant($"{epoch.MeanLoss:0.000}"));
        }

        AnsiConsole.Write(epochs);

        // Latency: one request = encode the prefix, then score (whole catalogue, or the candidates).
        var prefixes = test.Select(s => new SessionSequence(s.Items[..^1], s.UnixSeconds[..^1], s.EventTypes[..^1])).Take(2_000).ToArray();
        var rng = Xoshiro256.For(46, 0xCA0D);
        var candidates = prefixes.Select(_ => Enumerable.Range(0, candidateCount).Select(_ => rng.NextInt(itemCount)).ToArray()).ToArray();
        var scores = new float[itemCount];
        var all = Latencies(prefixes, i => model.ScoreAll(prefixes[i], scores));
        var candidateScores = new float[candidateCount];
        var rerank = Latencies(prefixes, i => model.ScoreCandidates(prefixes[i], candidates[i], candidateScores));

        var (gruRecall, popularRecall) = Recall20(model, train, test, itemCount);
        var latency = new Table().AddColumns("scoring", "p50 ms", "p99 ms");
        latency.AddRow("ScoreAll (whole catalogue)", Invariant($"{all.P50:0.000}"), Invariant($"{all.P99:0.000}"));
        latency.AddRow(Invariant($"ScoreCandidates ({candidateCount} items)"), Invariant($"{rerank.P50:0.000}"), Invariant($"{rerank.P99:0.000}"));
        AnsiConsole.Write(latency);
        AnsiConsole.MarkupLineInterpolated($"held-out Recall@20: gru4rec {gruRecall:0.000}, most popular (reference) {popularRecall:0.000}; fit {fitSeconds:0.0} s wall, {fitCpu:0.0} s CPU ({perCpuSecond:N0} events per CPU second)");

        if (write is not null)
        {
            var perEpoch = string.Join(", ", model.History.Select(e => Invariant($"{e.EventsPerSecond:N0}")));
            BenchmarkLog.AppendRow(write, "GRU4Rec",
                "`dotnet run -c Release --project bench/EAmazing.Bench -- gru [--items 40000] [--events 1000000] [--epochs 1] [--hidden 100] [--negatives 2048] [--batch 64] [--write BENCHMARKS.md]`: the project's GRU4Rec-style network (BusinessModels/Recommendation/Neural) trained single-threaded on synthetic sessions (Zipf popularity, item successors), events/s per epoch; request latency = encode the prefix + score the whole catalogue or a candidate list. Reference in the same run: held-out Recall@20 of the most-popular ranking.",
                "| date (UTC) | command | data | settings | training events/s per epoch (wall) | events per CPU second | ScoreAll p50 / p99 ms | ScoreCandidates p50 / p99 ms | Recall@20 (reference: popular) | machine |",
                Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `gru --items {itemCount} --events {events} --epochs {options.Epochs}` | {itemCount:N0} items, {trainEvents:N0} train events | hidden {options.HiddenSize}, embedding {options.EmbeddingSize}, batch {options.BatchSize}, {options.NegativeSamples} negatives, {options.Optimizer} | {perEpoch} | {perCpuSecond:N0} | {all.P50:0.00} / {all.P99:0.00} | {rerank.P50:0.000} / {rerank.P99:0.000} ({candidateCount} candidates) | {gruRecall:0.000} ({popularRecall:0.000}) | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
            AnsiConsole.MarkupLineInterpolated($"appended a row to {write}");
        }

        return 0;
    }

    private static (double P50, double P99) Latencies(SessionSequence[] prefixes, Action<int> request)
    {
        for (var i = 0; i < Math.Min(100, prefixes.Length); i++)
        {
            request(i);
        }

        var ms = new double[prefixes.Length];
        for (var i = 0; i < prefixes.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            request(i);
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(ms);
        return (ms[ms.Length / 2], ms[(int)(ms.Length * 0.99)]);
    }

    /// <summary>Recall@20 on each test session's last event, for the network and for the most-popular ranking.</summary>
    private static (double Gru, double Popular) Recall20(Gru4RecRecommender model, List<SessionSequence> train, List<SessionSequence> test, int itemCount)
    {
        var counts = new long[itemCount];
        foreach (var item in train.SelectMany(s => s.Items))
        {
            counts[item]++;
        }

        var popularRank = new int[itemCount];
        var byCount = Enumerable.Range(0, itemCount).OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
        for (var r = 0; r < byCount.Length; r++)
        {
            popularRank[byCount[r]] = r;
        }

        var scores = new float[itemCount];
        int gruHits = 0, popularHits = 0;
        foreach (var session in test)
        {
            var target = session.Items[^1];
            model.ScoreAll(new SessionSequence(session.Items[..^1], session.UnixSeconds[..^1], session.EventTypes[..^1]), scores);
            var above = 0;
            var threshold = scores[target];
            foreach (var s in scores)
            {
                above += s > threshold ? 1 : 0;
            }

            gruHits += above < 20 ? 1 : 0;
            popularHits += popularRank[target] < 20 ? 1 : 0;
        }

        return (gruHits / (double)test.Count, popularHits / (double)test.Count);
    }

    /// <summary>
    /// Sessions with lengths 2 + geometric (mean ≈ 5), items with Zipf(1) popularity; with probability 0.6 the next
    /// item is one of the current item's three successors (fixed by a hash), else a popular draw. 5,000 test sessions.
    /// </summary>
    private static (List<SessionSequence> Train, List<SessionSequence> Test) Sessions(int itemCount, int events, ulong seed)
    {
        var popularity = new AliasTable(Enumerable.Range(1, itemCount).Select(r => 1.0 / r).ToArray());
        var rng = Xoshiro256.For(seed, 0x5E55);
        var train = new List<SessionSequence>();
        var test = new List<SessionSequence>();
        long made = 0;
        var time = 1_569_888_000L;
        while (made < events || test.Count < 5_000)
        {
            var length = 2 + rng.NextGeometric(1.0 / 3.5);
            var items = new int[length];
            items[0] = popularity.Sample(ref rng);
            for (var i = 1; i < length; i++)
            {
                items[i] = rng.Chance(0.6)
                    ? (int)(StableHash.Mix((ulong)items[i - 1], (ulong)rng.NextInt(3), seed) % (ulong)itemCount)
                    : popularity.Sample(ref rng);
            }

            var session = new SessionSequence(items, items.Select((_, i) => time + (30L * i)).ToArray(), new byte[length]);
            time += 5;
            if (made < events)
            {
                train.Add(session);
                made += length;
            }
            else
            {
                test.Add(session);
            }
        }

        return (train, test);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
