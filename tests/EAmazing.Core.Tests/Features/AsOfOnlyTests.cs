using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Features;

/// <summary>
/// The leakage audit recomputes only the rows at a cutoff (<see cref="GoldQuery.AsOfOnly"/>): for every table they must
/// be exactly the rows the whole month's recomputation holds at that time, and (where a table narrows) nothing else.
/// </summary>
public sealed class AsOfOnlyTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    private const string Month = "2019-11";

    [Theory]
    [InlineData("sessions")]
    [InlineData("cart_prediction_points")]
    [InlineData("session_prefixes")]
    [InlineData("user_snapshots")]
    [InlineData("item_first_days")]
    [InlineData("items")]
    [InlineData("item_transitions")]
    [InlineData("demand_daily")]
    public void Given_a_cutoff_When_only_its_rows_are_computed_Then_they_equal_the_whole_months_rows_at_it_and_no_others_come_back(string name)
    {
        var table = GoldTables.Find(name)!;
        var engine = world.Gold.Lake.Engine;
        var silver = world.Gold.Builder.SilverInputs();
        var order = string.Join(", ", table.KeyColumns.Append(GoldTable.AsOfColumn).Distinct());
        var built = GoldRows.Of(engine, world.Gold.Builder, table, Month, silver);
        var cutoffs = engine.Compute($"SELECT DISTINCT as_of_time FROM {built} ORDER BY hash(as_of_time, 7), as_of_time LIMIT 3")
            .Rows.Select(r => (DateTime)r[0]!).ToList();
        Assert.NotEmpty(cutoffs);

        foreach (var cutoff in cutoffs)
        {
            var whole = world.Gold.Builder.QueryFor(table, Month, silver, cutoff);
            var only = whole with { AsOfOnly = true };
            var at = $"WHERE as_of_time = {FeatureSql.Timestamp(cutoff)}";

            var expected = engine.Compute($"SELECT * FROM ({table.Shown($"({whole.Sql()})")}) AS t {at} ORDER BY {order}");
            var actual = engine.Compute($"SELECT * FROM ({table.Shown($"({only.Sql()})")}) AS t ORDER BY {order}");

            Assert.NotEmpty(expected.Rows);
            Assert.Empty(GoldRowComparison.Differences(table, expected, actual));
            Assert.Equal(Labels(expected, table), Labels(actual, table));
        }
    }

    [Theory]
    [InlineData("sessions")]
    [InlineData("cart_prediction_points")]
    [InlineData("session_prefixes")]
    [InlineData("user_snapshots")]
    [InlineData("items")]
    [InlineData("demand_daily")]
    public void Given_a_table_with_many_as_of_times_When_only_a_cutoffs_rows_are_computed_Then_fewer_rows_are_computed(string name)
    {
        var table = GoldTables.Find(name)!;
        var engine = world.Gold.Lake.Engine;
        var silver = world.Gold.Builder.SilverInputs();
        var built = GoldRows.Of(engine, world.Gold.Builder, table, Month, silver);
        var cutoff = (DateTime)engine.Compute($"SELECT max(as_of_time) FROM {built} WHERE as_of_time < TIMESTAMP '{Month}-20'").Rows[0][0]!;
        var whole = world.Gold.Builder.QueryFor(table, Month, silver, cutoff);

        var all = Count(engine, whole);
        var narrowed = Count(engine, whole with { AsOfOnly = true });

        Assert.InRange(narrowed, 1, all / 2);
    }

    private static long Count(IGoldEngine engine, GoldQuery query) =>
        Convert.ToInt64(engine.Compute($"SELECT count(*) FROM ({query.Sql()}) AS t").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Labels(QueryResult rows, GoldTable table) =>
        rows.Rows.Select(r => string.Join(",", table.LabelColumns.Select(c => FeatureValue.Text(r[rows.Columns.ToList().IndexOf(c)])))).ToList();
}
