using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Support;

/// <summary>A test lake with the given files ingested and every gold table built.</summary>
public sealed class GoldLake : IDisposable
{
    public GoldLake(IEnumerable<string> files, FeatureOptions? options = null)
    {
        Lake = new TestLake();
        foreach (var file in files)
        {
            Lake.Ingest(file);
        }

        Builder = new FeatureBuilder(Lake.Engine, options ?? new FeatureOptions());
        LastBuild = Builder.Build(new FeatureBuildRequest());
    }

    public TestLake Lake { get; }

    public FeatureBuilder Builder { get; }

    public FeatureBuildResult LastBuild { get; private set; }

    public FeatureBuildResult Rebuild(FeatureBuildRequest? request = null) => LastBuild = Builder.Build(request ?? new FeatureBuildRequest());

    /// <summary>A gold table's rows with as_of_time before <paramref name="cutoff"/>, in key order.</summary>
    public QueryResult RowsBefore(GoldTable table, DateTime cutoff) => !HasView(table)
        ? new QueryResult([], [])
        : Lake.Query($"SELECT * FROM {table.ViewName} WHERE as_of_time < {FeatureSql.Timestamp(cutoff)} ORDER BY {string.Join(", ", table.KeyColumns)}, as_of_time");

    public QueryResult RowsFrom(GoldTable table, DateTime cutoff) => !HasView(table)
        ? new QueryResult([], [])
        : Lake.Query($"SELECT * FROM {table.ViewName} WHERE as_of_time >= {FeatureSql.Timestamp(cutoff)} ORDER BY {string.Join(", ", table.KeyColumns)}, as_of_time");

    public bool HasView(GoldTable table) =>
        Lake.Count($"SELECT count(*) FROM duckdb_views() WHERE view_name = '{table.ViewName}'") == 1;

    public void Dispose() => Lake.Dispose();
}
