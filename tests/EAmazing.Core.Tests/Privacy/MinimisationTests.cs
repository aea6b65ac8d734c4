using EAmazing.BusinessModels;
using EAmazing.Core.Tests.Features;
using EAmazing.Features;
using EAmazing.Governance.Register;
using EAmazing.Privacy.Purposes;

namespace EAmazing.Core.Tests.Privacy;

/// <summary>Minimisation: every column kept past bronze is used by a declared purpose or is a declared lineage column.</summary>
public sealed class MinimisationTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    public static TheoryData<string> PastBronze => new(["silver", .. GoldTables.All.Select(t => t.ViewName)]);

    [Theory]
    [MemberData(nameof(PastBronze))]
    public void Every_column_is_used_by_a_purpose_or_is_lineage(string table)
    {
        var columns = Columns(table);

        var undeclared = columns.Where(c => RegisteredPurposes.Using(table, c).Count == 0 && !LineageColumns.Contains(c)).ToList();

        Assert.NotEmpty(columns);
        Assert.True(undeclared.Count == 0, $"{table} keeps columns no purpose uses: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void Every_declared_column_exists_so_declarations_cannot_go_stale()
    {
        // A table written by batch scoring or a forecast exists once a model wrote it (its columns are checked by that model's lake test).
        var scored = BusinessModelCatalog.Default.WrittenTables.Select(t => t.ViewName).ToHashSet();
        var stale = RegisteredPurposes.All
            .SelectMany(p => p.Columns.Where(t => !scored.Contains(t.Key)).SelectMany(t => t.Value.Where(c => !Columns(t.Key).Contains(c)).Select(c => $"{p.Name}: {t.Key}.{c}")))
            .ToList();

        Assert.True(stale.Count == 0, "declared but not in the lake: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_purposes_are_declared_with_recipients_retention_and_a_legal_basis_placeholder()
    {
        Assert.Equal(["analytics", "recommendation", "forecasting", "purchase-intent", "segmentation", "customer-value", "churn", "demand-forecast", "next-item-recommendation", "emerging-categories"], RegisteredPurposes.All.Select(p => p.Name));
        Assert.All(RegisteredPurposes.All, p =>
        {
            Assert.NotEmpty(p.Recipients);
            Assert.False(string.IsNullOrWhiteSpace(p.Retention));
            Assert.Equal(ProcessingPurpose.LegalBasisToComplete, p.LegalBasis);
        });
    }

    private List<string> Columns(string table) =>
        world.Gold.Lake.Query($"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")
            .Rows.Select(r => (string)r[0]!).ToList();
}
