using System.Text.RegularExpressions;

namespace EAmazing.Architecture.Tests;

/// <summary>
/// The lake's files lie in <c>month=yyyy-MM</c> folders, where DuckDB's default hive partitioning adds the folder's month
/// as a column to every <c>SELECT *</c> (a bucket-built gold month once gained a column so, and the leakage audit failed on
/// it at full scale). Code reads Parquet only through <c>LakeSql.ReadParquet</c>, which always turns it off; the embedded
/// SQL templates, which cannot call it, say so themselves.
/// </summary>
public sealed partial class LakeParquetReadsTests
{
    private const string Helper = "src/EAmazing.Core/Lake/LakeSql.cs";

    [GeneratedRegex(@"read_parquet\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ReadParquet();

    [GeneratedRegex(@"read_parquet\s*\([^)]*hive_partitioning\s*=\s*false", RegexOptions.IgnoreCase)]
    private static partial Regex ReadParquetWithoutHive();

    [Fact]
    public void Code_reads_parquet_only_through_LakeSql_ReadParquet()
    {
        var offenders = Repository.SourceFiles(".cs")
            .Where(f => f != Helper && ReadParquet().IsMatch(Repository.Read(f)))
            .ToList();

        Assert.True(offenders.Count == 0, "call LakeSql.ReadParquet instead of writing read_parquet in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_sql_template_reads_parquet_without_hive_partitioning()
    {
        var offenders = Repository.SourceFiles(".sql")
            .Where(f => ReadParquet().Matches(Repository.Read(f)).Count != ReadParquetWithoutHive().Matches(Repository.Read(f)).Count)
            .ToList();

        Assert.True(offenders.Count == 0, "read_parquet without hive_partitioning = false in: " + string.Join(", ", offenders));
    }
}
