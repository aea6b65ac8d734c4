using System.Globalization;
using System.Text;
using EAmazing.Api.Scoring;
using EAmazing.Models.Registry;

namespace EAmazing.Cli.Commands;

/// <summary>
/// The README's <c>demo:results</c> block: the run's time and machine, each business model's families on its test
/// window (from the registry cards the run wrote), and a sample prediction per online endpoint as the server answers it.
/// </summary>
public static class DemoResults
{
    public const string BlockName = "demo:results";

    public static string Markdown(IReadOnlyList<ModelCard> cards, IReadOnlyList<SamplePrediction> samples, TimeSpan elapsed, string command, DateTime at)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Written by `{command}` on {at:yyyy-MM-dd HH:mm} UTC: the demo took {elapsed.TotalSeconds:N0} s on {Machine()}.");
        foreach (var card in cards)
        {
            md.AppendLine();
            // A model judged on one snapshot (segments) has no test window: its card's window is that one instant.
            var judged = card.Data.TestFrom == card.Data.TestTo
                ? $"{card.Data.TrainRows:N0} rows"
                : $"test window {card.Data.TestFrom:yyyy-MM-dd} – {card.Data.TestTo.AddTicks(-1):yyyy-MM-dd}, {card.Data.TestRows:N0} rows";
            md.AppendLine(CultureInfo.InvariantCulture, $"{card.Name} v{card.Version} ({card.Task}), {judged}, seed {card.Seed}:");
            // Families compared at several k are listed as "family k=K": the chosen one is its family at the card's k.
            var chosen = card.Hyperparameters.TryGetValue("k", out var k) ? $"{card.Family} k={k}" : card.Family;
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| family | test {card.PrimaryMetric} |");
            md.AppendLine("|---|---|");
            foreach (var (family, value) in card.Families)
            {
                var isChosen = family == card.Family || family == chosen;
                var shown = isChosen && card.Primary is { } primary && double.IsFinite(primary.Value.Lower)
                    ? $"{primary.Value.Estimate:0.000} [{primary.Value.Lower:0.000}, {primary.Value.Upper:0.000}]"
                    : value.ToString("0.000", CultureInfo.InvariantCulture);
                var name = isChosen ? $"{family} (chosen)" : card.Baselines.ContainsKey(family) ? $"{family} (baseline)" : family;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {shown} |");
            }

            if (card.Oracle is { } oracle)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| oracle (the world's truth) | {oracle.Estimate:0.000} [{oracle.Lower:0.000}, {oracle.Upper:0.000}] |");
            }
        }

        foreach (var sample in samples)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Sample prediction: `POST {sample.Route}` with the request the serve hint's `curl` sends, scored in process by the same pipeline as `./eamazing serve` (the `user_id` is shown as the pseudonym the server turned it into; a raw id is never written here):");
            md.AppendLine();
            md.AppendLine("```json");
            md.AppendLine(sample.Request);
            md.AppendLine("```");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"answered {sample.Status}:");
            md.AppendLine();
            md.AppendLine("```json");
            md.AppendLine(sample.Response);
            md.AppendLine("```");
        }

        return md.ToString();
    }

    /// <summary>Timings mean little without the machine: its cores, memory and how busy it was.</summary>
    public static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        return FormattableString.Invariant($"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, load average {load}");
    }
}
