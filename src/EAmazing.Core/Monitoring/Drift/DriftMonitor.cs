using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Registry;
using EAmazing.Monitoring.Predictions;

namespace EAmazing.Monitoring.Drift;

/// <summary>
/// Compares a window of gold feature rows, the champion's scores on them and the scores it served
/// with the champion's training window (the card's <c>TrainFrom..ValidFrom</c>, recomputed from the gold
/// table since the card keeps no histograms). An alert marks the card "retrain due".
/// </summary>
public sealed class DriftMonitor(string lakeRoot, ModelRegistry registry, ILakeEngines engines)
{
    /// <summary>Fewer rows than this in the window make a PSI too noisy to act on: reported, never alerting.</summary>
    public const int MinimumRows = 50;

    /// <summary>Kind of the columns that describe when, not who or what: reported, but never setting the level.</summary>
    public const string Calendar = "calendar";

    // A two-day window holds two weekdays whatever the population does; the score carries any real effect of time.
    private static readonly HashSet<string> CalendarFeatures = ["hour", "weekday"];

    public DriftReport Run(string modelName, DateTime from, DateTime to)
    {
        var card = registry.Champion(modelName)
            ?? throw new InvalidOperationException($"model '{modelName}' has no champion: promote a version first (eamazing models promote {modelName} VERSION)");
        var table = GoldInput(card);
        var reference = GoldWindow.Read(engines, lakeRoot, table, card.Features, card.Data.TrainFrom, card.Data.ValidFrom);
        var current = GoldWindow.Read(engines, lakeRoot, table, card.Features, from, to);
        if (reference.Count == 0)
        {
            throw new InvalidOperationException($"no {table.ViewName} rows in the training window {card.Data.TrainFrom:yyyy-MM-dd}..{card.Data.ValidFrom:yyyy-MM-dd}: is this the lake the model was trained on?");
        }

        var columns = new List<FeatureDrift>();
        for (var f = 0; f < card.Features.Count; f++)
        {
            var index = f;
            var kind = CalendarFeatures.Contains(card.Features[f]) ? Calendar : "feature";
            columns.Add(Compare(card.Features[f], kind, reference.Select(r => (double)r[index]).ToArray(), current.Select(r => (double)r[index]).ToArray()));
        }

        var model = TrainedModelStore.Load(registry.VersionFolder(card.Name, card.Version), card);
        var referenceScores = model.PredictProbabilities(reference).Select(s => (double)s).ToArray();
        columns.Add(Compare("score", "score", referenceScores, current.Count == 0 ? [] : model.PredictProbabilities(current).Select(s => (double)s).ToArray()));
        var served = PredictionLog.Read(lakeRoot, card.Name, from, to).Where(p => p.Version == card.Version).Select(p => p.Score).ToArray();
        if (served.Length > 0)
        {
            columns.Add(Compare("served_score", "served score", referenceScores, served));
        }

        return new DriftReport(card.Name, card.Version, card.Data.TrainFrom, card.Data.ValidFrom, from, to, columns, DateTime.UtcNow);
    }

    /// <summary>The gold table the model learned from, as its card records it (never a default: a card without one cannot be monitored).</summary>
    public static GoldTable GoldInput(ModelCard card)
    {
        var name = card.GoldInputs.FirstOrDefault()
            ?? throw new InvalidOperationException($"{card.Name} v{card.Version}'s card names no gold input (written before cards recorded them): retrain and promote a new version to monitor it");
        return GoldTables.Find(name)
            ?? throw new InvalidOperationException($"{card.Name} v{card.Version} learned from gold table '{name}', which this platform does not build");
    }

    /// <summary>Writes an alert's reason onto the champion's card (once per window), which blocks re-promotion until retrained.</summary>
    public bool MarkRetrainDue(DriftReport report)
    {
        if (report.Level != DriftLevel.Alert)
        {
            return false;
        }

        var card = registry.Get(report.Model, report.Version);
        var reason = report.RetrainReason;
        var prefix = reason[..reason.IndexOf(':', StringComparison.Ordinal)];
        if (card.RetrainReasons.Any(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return false;
        }

        registry.Update(card with { RetrainReasons = [.. card.RetrainReasons, reason] });
        return true;
    }

    private static FeatureDrift Compare(string name, string kind, double[] reference, double[] current)
    {
        var psi = PopulationStability.Index(reference, current);
        var level = current.Length < MinimumRows || kind == Calendar ? DriftLevel.Ok : DriftLevels.Of(psi);
        return new FeatureDrift(name, kind, psi, level, reference.Length, current.Length, Mean(reference), Mean(current));
    }

    private static double Mean(double[] values)
    {
        var known = values.Where(v => !double.IsNaN(v)).ToArray();
        return known.Length == 0 ? double.NaN : known.Average();
    }
}
