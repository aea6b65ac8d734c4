namespace EAmazing.Features.Leakage;

/// <summary>The leakage audit of one table's month, typed for a model card: future invariance plus a per-label feature scan.</summary>
public sealed record LeakageAuditResult(string Table, string Month, FutureInvarianceResult Invariance, IReadOnlyList<FeatureLeakScan> Scans)
{
    public bool Passed => Invariance.Passed && Scans.All(s => s.Passed);

    public IReadOnlyList<string> OffendingFeatures =>
        Invariance.Violations.Select(v => v.Column).Concat(Scans.SelectMany(s => s.Offending)).Distinct().ToList();
}
