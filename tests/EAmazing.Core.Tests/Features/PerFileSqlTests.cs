using EAmazing.Features;

namespace EAmazing.Core.Tests.Features;

/// <summary>FeatureSql.PerFile: every marked block becomes one copy per silver file, joined by UNION ALL.</summary>
public sealed class PerFileSqlTests
{
    private const string TwoBlocks = """
        WITH a AS (
        --<per silver file>
            SELECT 1 FROM {file_events} WINDOW w_{file} AS ()
        --</per silver file>
        ),
        b AS (
        --<per silver file>
            SELECT 2 FROM {file_events}
        --</per silver file>
        )
        SELECT * FROM a, b
        """;

    [Fact]
    public void Each_block_is_repeated_once_per_file_with_the_files_events_and_number()
    {
        var sql = FeatureSql.PerFile(TwoBlocks, ["(f0) AS events", "(f1) AS events", "(f2) AS events"], "(all) AS events");

        Assert.DoesNotContain(FeatureSql.PerFileStart, sql, StringComparison.Ordinal);
        Assert.DoesNotContain("{file", sql, StringComparison.Ordinal);
        Assert.Equal(3, Count(sql, "SELECT 1 FROM"));
        Assert.Equal(3, Count(sql, "SELECT 2 FROM"));
        Assert.Equal(4, Count(sql, "UNION ALL"));
        Assert.Contains("SELECT 1 FROM (f2) AS events WINDOW w_2 AS ()", sql, StringComparison.Ordinal);
        Assert.Contains("SELECT 2 FROM (f1) AS events", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("(all)", sql, StringComparison.Ordinal);
        Assert.EndsWith("SELECT * FROM a, b", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_files_each_block_runs_once_over_all_events()
    {
        var sql = FeatureSql.PerFile(TwoBlocks, [], "(all) AS events");

        Assert.Equal(2, Count(sql, "FROM (all) AS events"));
        Assert.DoesNotContain("UNION ALL", sql, StringComparison.Ordinal);
        Assert.Contains("WINDOW w_0 AS ()", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_without_markers_is_returned_as_it_is()
    {
        const string plain = "SELECT 1 FROM x";

        Assert.Equal(plain, FeatureSql.PerFile(plain, ["(f0) AS events"], "(all) AS events"));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
