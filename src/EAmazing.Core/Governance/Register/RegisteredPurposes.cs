using EAmazing.BusinessModels;
using EAmazing.Privacy.Purposes;

namespace EAmazing.Governance.Register;

/// <summary>Every purpose of processing: the platform's own, then each business model's from the catalog.</summary>
public static class RegisteredPurposes
{
    public static IReadOnlyList<ProcessingPurpose> All { get; } = Of(BusinessModelCatalog.Default);

    public static IReadOnlyList<ProcessingPurpose> Of(BusinessModelCatalog catalog) =>
        [.. ProcessingPurposes.Platform, .. catalog.All.Select(m => m.Purpose).Where(p => !ProcessingPurposes.Platform.Contains(p)).DistinctBy(p => p.Name)];

    /// <summary>The purposes that use a column of a table.</summary>
    public static IReadOnlyList<ProcessingPurpose> Using(string table, string column) => All.Where(p => p.Uses(table, column)).ToList();
}
