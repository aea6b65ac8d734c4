using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.Models.Data;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Families;
using Spectre.Console;

namespace EAmazing.Bench;

/// <summary>
/// Training time per model family (default hyperparameters, one candidate) on synthetic tabular data the
/// size of a purchase-intent table (24 features). The reference in the same run is the logistic
/// regression's time: ratios are what to compare across machines.
/// </summary>
public static class TrainingBenchmark
{
    private const int FeatureCount = 24;

    private static readonly Option<string> Rows = new("--rows") { DefaultValueFactory = _ => "100000,1000000", Description = "Comma-separated training sizes" };
    private static readonly Option<string?> Families = new("--families") { Description = "Comma-separated families (default: all)" };
    private static readonly Option<string?> Write = new("--write") { Description = "Append the results to this BENCHMARKS.md" };

    public static Command Create()
    {
        var command = new Command("train", "Training and scoring time per model family on 100k and 1M rows");
        command.Options.Add(Rows);
        command.Options.Add(Families);
        command.Options.Add(Write);
        command.SetAction(parse => Run(parse.GetValue(Rows)!, parse.GetValue(Families), parse.GetValue(Write)));
        return command;
    }

    private static int Run(string rows, string? familyNames, string? write)
    {
        var families = familyNames?.Split(',', StringSplitOptions.TrimEntries).Select(ModelFamilyCatalog.Find).ToList() ?? [.. ModelFamilyCatalog.All];
        foreach (var n in rows.Split(',', StringSplitOptions.TrimEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)))
        {
            var train = Synthetic(n, seed: 1);
            var valid = Synthetic(Math.Max(10_000, n / 10), seed: 2);
            var table = new Table().AddColumns("family", "train s", "score 100k rows ms", "valid AUC", "time vs logistic");
            var timings = new List<(string Family, double Train, double Score, double Auc)>();
            foreach (var family in families)
            {
                var clock = Stopwatch.StartNew();
                var model = family.Train(train, valid, family.Candidates(1, 46)[0], 46);
                var trainSeconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var scores = model.PredictProbabilities(valid.Features.Take(100_000).ToArray());
                var scoreMs = clock.Elapsed.TotalMilliseconds * 100_000 / scores.Length;
                var auc = BinaryMetrics.RocAuc(scores.Select((s, i) => new ScoredExample(s, valid.Labels[i])).ToArray());
                timings.Add((family.Name, trainSeconds, scoreMs, auc));
                AnsiConsole.MarkupLineInterpolated($"{n:N0} rows: {family.Name} trained in {trainSeconds:0.0} s");
            }

            var reference = timings.FirstOrDefault(t => t.Family == "logistic").Train;
            foreach (var t in timings)
            {
                table.AddRow(t.Family, $"{t.Train:0.00}", $"{t.Score:0}", $"{t.Auc:0.000}", reference > 0 ? $"{t.Train / reference:0.0}x" : "-");
            }

            AnsiConsole.Write(table);
            if (write is not null)
            {
                BenchmarkLog.AppendRow(write, "Training",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- train [--rows 100000,1000000] [--write BENCHMARKS.md]`: training time per family (default hyperparameters) on synthetic data with 24 features; reference: logistic regression in the same run.",
                    "| date | command | data size | figures (train s / score ms per 100k / valid AUC) | reference (same run) | machine |",
                    $"| {DateTime.UtcNow:yyyy-MM-dd} | `train --rows {n}` | {n:N0} training rows, {FeatureCount} features | "
                    + string.Join("; ", timings.Select(t => FormattableString.Invariant($"{t.Family} {t.Train:0.0} s / {t.Score:0} ms / {t.Auc:0.000}")))
                    + FormattableString.Invariant($" | logistic {reference:0.0} s | {BenchmarkLog.Machine} |"));
            }
        }

        return 0;
    }

    /// <summary>A learnable problem with non-linear terms, missing values and a 30% positive rate.</summary>
    private static TabularDataset Synthetic(int rows, int seed)
    {
        var rng = new Random(seed);
        var names = Enumerable.Range(0, FeatureCount).Select(i => $"f{i:00}").ToArray();
        var features = new float[rows][];
        var labels = new bool[rows];
        var asOf = new DateTime[rows];
        var start = new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var r = 0; r < rows; r++)
        {
            var x = new float[FeatureCount];
            for (var j = 0; j < FeatureCount; j++)
            {
                x[j] = (float)(rng.NextDouble() * 2 - 1);
            }

            var logit = -0.9 + (1.2 * x[0]) - (0.8 * x[1]) + (1.0 * x[2] * x[3]) + (0.6 * Math.Abs(x[4])) + (0.4 * x[5]);
            labels[r] = rng.NextDouble() < 1 / (1 + Math.Exp(-logit));
            if (rng.NextDouble() < 0.05)
            {
                x[6] = float.NaN;
            }

            features[r] = x;
            asOf[r] = start.AddSeconds(r);
        }

        return new TabularDataset(names, features, labels, asOf);
    }
}
