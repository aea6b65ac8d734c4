using EAmazing.Lake;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// A business model's batch scoring (<c>eamazing score NAME --as-of DATE</c>): applies its champion to the lake as of a
/// date and writes a pseudonymised gold table, which erasure, retention, subject-access export and the register then
/// cover like every gold partition.
/// </summary>
public interface IBatchScorer
{
    /// <summary>The gold table it writes (partitions under <c>gold/&lt;table&gt;/month=YYYY-MM/</c>).</summary>
    string Table { get; }

    /// <exception cref="InvalidOperationException">No champion, or no data as of the date (a data error); nothing is written.</exception>
    BatchScoreOutcome Score(IGoldEngine lake, ModelRegistry registry, DateOnly? asOf, IProgress<string>? progress = null);

    /// <summary>
    /// One person's latest row of its table, for the API's <c>GET /v1/NAME/{user_id}</c> (the API pseudonymises the id and
    /// audits the read); read off the catalog from the Parquet files under <paramref name="lake"/>, so the server never locks it.
    /// Null: the person has no row.
    /// </summary>
    object? Lookup(IScratchDatabase scratch, LakeLayout lake, string pseudonym);
}

/// <summary>What a batch scoring wrote: the table and partition, its rows, and lines for the reader (already k-anonymous).</summary>
public sealed record BatchScoreOutcome(string Table, string Partition, long Rows, IReadOnlyList<string> Lines);
