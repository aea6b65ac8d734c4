namespace EAmazing.Features;

/// <summary>What a build did, step by step, and how long it took.</summary>
public sealed record FeatureBuildResult(IReadOnlyList<GoldStep> Steps, double Seconds)
{
    public int Built => Steps.Count(s => s.Action == GoldAction.Build);

    public int UpToDate => Steps.Count(s => s.Action == GoldAction.UpToDate);

    public int Removed => Steps.Count(s => s.Action == GoldAction.Remove);
}
