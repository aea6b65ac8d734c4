namespace EAmazing.Monitoring.Drift;

/// <summary>The drift of one champion over a window against its training window, column by column.</summary>
public sealed record DriftReport(
    string Model,
    int Version,
    DateTime ReferenceFrom,
    DateTime ReferenceTo,
    DateTime WindowFrom,
    DateTime WindowTo,
    IReadOnlyList<FeatureDrift> Columns,
    DateTime ComputedAt)
{
    public DriftLevel Level => Columns.Count == 0 ? DriftLevel.Ok : Columns.Max(c => c.Level);

    public double MaxPsi => Columns.Where(c => !double.IsNaN(c.Psi) && c.Kind != DriftMonitor.Calendar).Select(c => c.Psi).DefaultIfEmpty(0).Max();

    /// <summary>The card's "retrain due" reason when the level is an alert.</summary>
    public string RetrainReason =>
        $"drift ALERT {WindowFrom:yyyy-MM-dd}..{WindowTo:yyyy-MM-dd}: " +
        string.Join(", ", Columns.Where(c => c.Level == DriftLevel.Alert).Select(c => $"{c.Name} PSI {c.Psi:0.00}"));
}
