namespace EAmazing.Lake;

/// <summary>
/// The way in to a query engine: the shells (CLI, API) pick one (DuckDB today) and every stage that needs an engine
/// of its own, not just the lake it was handed, asks this for it. An engine's errors derive from
/// <see cref="System.Data.Common.DbException"/>, so callers catch that, never an engine's own exception type.
/// </summary>
public interface ILakeEngines
{
    /// <summary>Opens the lake at <paramref name="root"/> (created when there is none), recovering any interrupted commit first.</summary>
    /// <param name="memoryLimit">Memory the engine may use before spilling into the lake's scratch folder (e.g. "2GB").</param>
    /// <param name="lockWait">How long to wait while another process holds the lake (one writer at a time); the engine's default when null.</param>
    /// <param name="keepMemory">
    /// The engine keeps the memory it has used, up to <paramref name="memoryLimit"/>, instead of returning it between
    /// operations (faster where the engine is the whole job: ingest, the gold build); not for a command that trains
    /// or serves after reading, whose own memory would come on top.
    /// </param>
    IGoldEngine OpenLake(string root, string memoryLimit, TimeSpan? lockWait = null, bool keepMemory = false);

    /// <summary>
    /// The lake as of its last catalog change, read from its catalog snapshot (<see cref="LakeLayout.CatalogSnapshot"/>)
    /// into a private in-memory copy: it takes no lock a command would wait for. A change made on it stays in the copy,
    /// and <see cref="ILakeEngine.ApplyCatalog"/> refuses. Throws <see cref="FileNotFoundException"/> when the lake has no snapshot yet.
    /// </summary>
    IGoldEngine OpenCommitted(string root, string memoryLimit);

    /// <summary>A private in-memory database with the engine's defaults: reads Parquet files off the catalog, never locking it.</summary>
    IScratchDatabase OpenScratch();

    /// <summary>
    /// A private database in a file named <paramref name="name"/> in the lake's scratch folder (any previous one there is
    /// replaced), for work too large for memory; bounded by <paramref name="memoryLimit"/> and spilling into the scratch folder.
    /// </summary>
    IScratchDatabase OpenScratch(LakeLayout layout, string name, string memoryLimit);

    /// <summary>
    /// A private database in the file at <paramref name="path"/>, opened as it is (made when missing) and kept when closed,
    /// for work a stopped run picks up again (a key rotation's mapping); its owner deletes it. Bounded by
    /// <paramref name="memoryLimit"/>, spilling into the lake's scratch folder.
    /// </summary>
    IScratchDatabase OpenKept(LakeLayout layout, string path, string memoryLimit);
}
