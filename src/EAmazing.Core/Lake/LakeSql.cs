using EAmazing.Foundation.Sql;

namespace EAmazing.Lake;

/// <summary>
/// The lake's SQL, one embedded <c>Sql/*.sql</c> file per table or step, with <c>{name}</c> placeholders
/// filled from values the platform makes itself (ids, months, paths), never from input data.
/// </summary>
public static class LakeSql
{
    private static readonly EmbeddedSql Files = new(typeof(LakeSql).Assembly, "EAmazing.Lake.Sql", "Lake/Sql");

    public static string Load(string name) => Files.Load(name);

    /// <summary>
    /// The COPY options of every bronze and silver file (<c>{layer_parquet}</c> in any SQL file). zstd level 1 with
    /// Parquet v2 encodings: measured on 2M demo rows, about 10% less CPU than the default zstd level for the COPY and
    /// files about 19% smaller; same values and DuckDB types. Dictionaries capped at 1,000 entries: the engine stops
    /// trying one early for the columns that end up without (pseudonyms, times, products, prices); measured on an
    /// 8M-row bronze file, 26% less CPU for the COPY, file 2.4% larger (silver's 2% smaller).
    /// </summary>
    public const string LayerParquet = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION v2, DICTIONARY_SIZE_LIMIT 1000";

    /// <summary>
    /// The COPY options of every gold file: zstd level 1 (a month's gold is ~90M rows, many of them long pseudonym strings;
    /// at the default level compression was about a third of writing them: 4.9 -> 3.5 s for 4M session rows, files about
    /// 10% larger) and dictionaries of at most 1,000 entries (keys and pseudonyms, nearly unique per row group, stop trying
    /// early; 24M session prefix rows: 7.2 -> 6.3 s, files 2.5% larger).
    /// </summary>
    public const string GoldParquet = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 1000";

    public static string Render(string name, params (string Key, string Value)[] values) =>
        Files.Render(name, values.Prepend(("layer_parquet", LayerParquet)));

    /// <summary>A string literal body (without the quotes), single quotes doubled.</summary>
    public static string Literal(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>A SQL list of string literals, e.g. <c>['a.parquet', 'b.parquet']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => $"'{Literal(v)}'")) + "]";

    /// <summary>
    /// <c>read_parquet</c> of lake files, always without hive partitioning: the lake's files lie in <c>month=yyyy-MM</c>
    /// folders, and DuckDB would otherwise add the folder's month as a column to every <c>SELECT *</c> (a month of gold
    /// merged from its parts so gained a column its SQL does not write, and the leakage audit then failed on it).
    /// <paramref name="options"/> are further named options, e.g. <c>file_row_number = true</c>.
    /// </summary>
    public static string ReadParquet(IEnumerable<string> files, string? options = null) =>
        $"read_parquet({List(files)}, hive_partitioning = false{(options is null ? "" : ", " + options)})";

    /// <summary><see cref="ReadParquet(IEnumerable{string}, string?)"/> of one file.</summary>
    public static string ReadParquet(string file, string? options = null) => ReadParquet([file], options);
}
