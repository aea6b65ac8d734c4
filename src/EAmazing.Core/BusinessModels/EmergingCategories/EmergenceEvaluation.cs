using EAmazing.Sources.Synthetic.World;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>Recall, precision, detection delay and false-alarm rate of the detector over several seeded worlds.</summary>
public sealed record EmergenceEvaluation(IReadOnlyList<WorldEmergenceResult> Worlds)
{
    public int Positives => Worlds.Sum(w => w.Positives);

    public int TruePositives => Worlds.Sum(w => w.TruePositives);

    public int FalsePositives => Worlds.Sum(w => w.FalseFlags.Count);

    public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of stable categories flagged at least once over a whole window checked every day.</summary>
    public double FalseAlarmRate => (double)Worlds.Sum(w => w.StableFalseFlags) / Math.Max(1, Worlds.Sum(w => w.StableCategories));

    public IEnumerable<PlantedOutcome> Outcomes(EmergenceKind kind) => Worlds.SelectMany(w => w.Planted).Where(p => p.Planted.Kind == kind);

    public double Found(EmergenceKind kind) => Outcomes(kind).Count() is var n and > 0 ? (double)Outcomes(kind).Count(o => o.FirstFlag is not null) / n : double.NaN;

    public double MedianDelay(EmergenceKind kind) =>
        Outcomes(kind).Where(o => o.DelayDays is not null).Select(o => (double)o.DelayDays!.Value).ToList() is { Count: > 0 } delays
            ? MathNet.Numerics.Statistics.Statistics.Median(delays)
            : double.NaN;

    public int? MaxDelay(EmergenceKind kind) => Outcomes(kind).Max(o => o.DelayDays);

    public double MedianOnsetError(EmergenceKind kind) =>
        Outcomes(kind).Where(o => o.OnsetErrorDays is not null).Select(o => (double)Math.Abs(o.OnsetErrorDays!.Value)).ToList() is { Count: > 0 } errors
            ? MathNet.Numerics.Statistics.Statistics.Median(errors)
            : double.NaN;
}
