using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Core.Tests.Support;

/// <summary>
/// What a business model's insight tests start from: an empty lake folder, a scratch database to write gold partitions
/// by query (as scoring leaves them on disk), a registry folder beside them, and the context a page reads with.
/// </summary>
public sealed class InsightWorld : IDisposable
{
    private readonly TempFolder _folder = new();

    public InsightWorld()
    {
        Lake = LakeLayout.At(_folder.File("lake"));
        Registry = new ModelRegistry(_folder.File("models"));
        Scratch = new DuckDbEngine().OpenScratch();
    }

    public LakeLayout Lake { get; }

    public ModelRegistry Registry { get; }

    public IScratchDatabase Scratch { get; }

    /// <summary>Writes the rows of <paramref name="query"/> as the month's partition of a gold table.</summary>
    public void WriteGold(string table, string month, string query)
    {
        var path = Lake.Full(GoldLayout.Partition(table, month));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Scratch.Execute($"COPY ({query}) TO '{LakeSql.Literal(path)}' (FORMAT parquet)");
    }

    /// <summary>What a page reads with, groups under <paramref name="minGroupSize"/> suppressed.</summary>
    public InsightContext Context(int minGroupSize = 10) => new(Scratch, Lake, Registry, minGroupSize);

    public void Dispose()
    {
        Scratch.Dispose();
        _folder.Dispose();
    }
}
