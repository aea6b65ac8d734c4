using System.Globalization;
using EAmazing.Core.Tests.Support;
using EAmazing.Lake;
using EAmazing.Sources.Rees46;
using FsCheck;
using FsCheck.Xunit;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>
/// A header is matched by name (any order, any case, surrounding spaces); one that lacks a column or names
/// an unknown one refuses the file before any row is written.
/// </summary>
public sealed class HeaderByNameTests
{
    private const string Bronze = """
        SELECT event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session, source_line
        FROM bronze ORDER BY source_line
        """;

    // Raw ids chosen so that no other field holds them: finding one in the lake means it was stored raw.
    private static readonly string[][] Data =
    [
        ["2019-10-01 00:00:00 UTC", "view", "44600062", "2103807459595387724", "", "shiseido", "35.79", "912345678", "72d76fde-8bb3-4e00-8c23-a032dfed738c"],
        ["2019-10-01 00:00:01 UTC", "cart", "3900821", "2053013552326770905", "appliances.environment.water_heater", "aqua", "33.20", "923456789", "9333dfbd-b87a-4708-9857-6336556b0fcc"],
        ["2019-10-01 00:00:02 UTC", "purchase", "17200506", "2053013559792632471", "furniture.living_room.sofa", "", "543.10", "934567890", ""],
    ];

    private static readonly string[] RawIds = [.. Data.SelectMany(r => new[] { r[7], r[8] }).Where(s => s.Length > 0)];

    [Fact]
    public void A_reordered_header_maps_every_value_to_its_column()
    {
        int[] order = [7, 8, 2, 0, 1, 3, 4, 5, 6];

        var (expected, actual, lake) = IngestBoth(order.Select(i => Rees46Format.Columns[i]), order);
        using var _ = lake;

        Assert.Equal(expected, actual);
        AssertNoRawIds(lake);
    }

    [Fact]
    public void An_upper_case_header_with_spaces_is_a_header_not_a_row()
    {
        var names = Rees46Format.Columns.Select((c, i) => i % 2 == 0 ? c.ToUpperInvariant() : $"  {c} ");

        var (expected, actual, lake) = IngestBoth(names, [.. Enumerable.Range(0, 9)]);
        using var _ = lake;

        Assert.Equal(expected, actual);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM quarantine"));
    }

    [Property(MaxTest = 8)]
    public void Any_permutation_case_and_spacing_of_the_header_gives_the_same_bronze_rows(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var order = Enumerable.Range(0, 9).ToArray();
        random.Shuffle(order);
        var names = order.Select(i => Rees46Format.Columns[i])
            .Select(c => random.Next(3) switch { 0 => c.ToUpperInvariant(), 1 => " " + c + "  ", _ => c });

        var (expected, actual, lake) = IngestBoth(names, order);
        using var _ = lake;

        Assert.Equal(expected, actual);
        AssertNoRawIds(lake);
    }

    [Theory]
    [InlineData("event_time,event_type,product_id,category_id,category_code,brand,price,user_session", "user_id")]
    [InlineData("event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session,comment", "comment")]
    [InlineData("event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_id", "user_id")]
    [InlineData("EVENT_TIME,event_type,product_id,category_id,category,brand,price,user_id,user_session", "category")]
    public void A_header_that_lacks_or_adds_a_column_refuses_the_file_before_any_row_is_written(string header, string column)
    {
        using var lake = new TestLake();
        string[] data = [string.Join(',', Data[0][..8]), string.Join(',', Data[1])];

        var outcome = lake.IngestLines("bad-header.csv", [header, .. data]);

        Assert.Equal(IngestStatus.Rejected, outcome.File.Status);
        Assert.True(outcome.IsDataError);
        Assert.Contains("line 1", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Contains(column, outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(new RowAccounting(0, 0, 0, 0), outcome.File.Rows);
        Assert.Empty(Directory.EnumerateFiles(lake.Root, "*.parquet", SearchOption.AllDirectories));
        Assert.Equal(0, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(0, lake.Count("SELECT count(*) FROM quarantine"));
    }

    /// <summary>The data as a canonical file (lake A) and under the given header and column order (lake B, returned).</summary>
    private static (List<string> Expected, List<string> Actual, TestLake Lake) IngestBoth(IEnumerable<string> header, int[] order)
    {
        using var canonical = new TestLake();
        canonical.IngestLines("canonical.csv", [Rees46Format.Header, .. Data.Select(r => string.Join(',', r))]);
        var expected = Rendered(canonical);

        var lake = new TestLake();
        var outcome = lake.IngestLines("reordered.csv", [string.Join(',', header), .. Data.Select(r => string.Join(',', order.Select(i => r[i])))]);
        Assert.Equal(new RowAccounting(Data.Length, Data.Length, 0, 0), outcome.File.Rows);
        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        return (expected, Rendered(lake), lake);
    }

    private static List<string> Rendered(TestLake lake) =>
        [.. lake.Query(Bronze).Rows.Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))];

    private static void AssertNoRawIds(TestLake lake)
    {
        foreach (var file in Directory.EnumerateFiles(lake.Root, "*.parquet", SearchOption.AllDirectories))
        {
            foreach (var row in lake.Query($"SELECT * FROM read_parquet('{file}')").Rows)
            {
                foreach (var value in row)
                {
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    Assert.DoesNotContain(RawIds, id => text.Contains(id, StringComparison.OrdinalIgnoreCase));
                }
            }
        }
    }
}
