using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>DuckDB as the lake's engine: the catalog in <c>catalog.duckdb</c>, scratch databases in memory or in the lake's scratch folder.</summary>
public sealed class DuckDbEngine : ILakeEngines
{
    /// <summary>The lake as its DuckDB type, for the callers that still need it by name (see <see cref="ILakeEngines.OpenLake"/>).</summary>
    public DuckDbLake OpenLake(string root, string memoryLimit, TimeSpan? lockWait = null, Action<string>? waiting = null, bool keepMemory = false) =>
        DuckDbLake.Open(root, memoryLimit, lockWait, waiting, keepMemory);

    IGoldEngine ILakeEngines.OpenLake(string root, string memoryLimit, TimeSpan? lockWait, bool keepMemory) => OpenLake(root, memoryLimit, lockWait, keepMemory: keepMemory);

    public IGoldEngine OpenCommitted(string root, string memoryLimit) => DuckDbLake.OpenCommitted(root, memoryLimit);

    public IScratchDatabase OpenScratch() => DuckDbScratch.Open("Data Source=:memory:", settings: null);

    public IScratchDatabase OpenScratch(LakeLayout layout, string name, string memoryLimit)
    {
        var path = Path.Combine(layout.Staging, $"{name}.duckdb");
        File.Delete(path);
        return OpenKept(layout, path, memoryLimit);
    }

    public IScratchDatabase OpenKept(LakeLayout layout, string path, string memoryLimit) =>
        DuckDbScratch.Open($"Data Source={path}", DuckDbLake.Settings(layout, memoryLimit));
}
