using EAmazing.Features;
using EAmazing.Foundation.Sql;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Foundation.Sql;

/// <summary>The lake's and the gold layer's SQL files come out of the assembly exactly as they are in the source tree.</summary>
public sealed class EmbeddedSqlTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "Lake", "Features" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(CoreSource, folder, "Sql"), "*.sql").Order(StringComparer.Ordinal))
            {
                data.Add(folder, Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sql_file_loads_as_the_file_holds_it(string folder, string name)
    {
        var loaded = folder == "Lake" ? LakeSql.Load(name) : FeatureSql.Load(name);

        Assert.Equal(File.ReadAllText(Path.Combine(CoreSource, folder, "Sql", name + ".sql")), loaded);
    }

    [Fact]
    public void Placeholders_are_filled_in_the_order_given_and_unknown_ones_stay()
    {
        var sql = EmbeddedSql.Fill("SELECT {a}, {b}, {c}", [("a", "{b}"), ("b", "'x'")]);

        Assert.Equal("SELECT 'x', 'x', {c}", sql);
    }

    [Fact]
    public void The_lake_fills_its_parquet_options_before_the_callers_values()
    {
        var sql = LakeSql.Render("silver_merge", ("sources", "['a.parquet']"), ("target", "out.parquet"));

        Assert.Contains(LakeSql.LayerParquet, sql, StringComparison.Ordinal);
        Assert.Contains("['a.parquet']", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("{", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_with_its_folder()
    {
        var e = Assert.Throws<InvalidOperationException>(() => FeatureSql.Load("no_such_table"));

        Assert.Equal("missing embedded SQL Features/Sql/no_such_table.sql", e.Message);
    }

    private static string CoreSource
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "EAmazing.Core")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root with src/ not found"), "src", "EAmazing.Core");
        }
    }
}
