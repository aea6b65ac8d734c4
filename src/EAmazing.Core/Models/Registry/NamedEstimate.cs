using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Registry;

/// <summary>One test metric of a model card, e.g. <c>roc_auc 0.6950 [0.6880, 0.7010]</c>.</summary>
/// <param name="HigherIsBetter">False for losses and errors (log-loss, MAE): the gates then want it lower.</param>
/// <param name="Target">For a metric that should equal a value rather than grow or shrink (an interval's coverage, 0.80):
/// neither side of it is better, so no version is "clearly better" on it; the closer estimate is.</param>
public sealed record NamedEstimate(string Name, ConfidenceInterval Value, bool HigherIsBetter = true, double? Target = null)
{
    /// <summary>Whether this estimate is better than <paramref name="other"/> beyond its interval (the lower bound above, or the upper bound below for a loss).</summary>
    public bool ClearlyBetterThan(double other) => HigherIsBetter ? Value.Lower > other : Value.Upper < other;

    /// <summary>Whether this estimate is worse than <paramref name="other"/> beyond both intervals (they do not overlap).</summary>
    public bool ClearlyWorseThan(NamedEstimate other) => Target is null && other.Target is null
        && (HigherIsBetter ? Value.Upper < other.Value.Lower : Value.Lower > other.Value.Upper);

    /// <summary>For a metric with a <see cref="Target"/>: whether this estimate lies closer to it than <paramref name="other"/>.</summary>
    public bool CloserToTargetThan(NamedEstimate other) =>
        Target is { } target && Math.Abs(Value.Estimate - target) < Math.Abs(other.Value.Estimate - target);

    /// <summary>Whether the point estimate is at least as good as <paramref name="other"/>.</summary>
    public bool AtLeastAsGoodAs(double other) => HigherIsBetter ? Value.Estimate >= other : Value.Estimate <= other;

    public override string ToString() => $"{Name} {Value}";
}
