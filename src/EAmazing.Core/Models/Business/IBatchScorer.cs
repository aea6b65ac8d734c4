using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// A business model's batch scoring (<c>eamazing score NAME [--as-of DATE]</c>): applies its champion to the lake as of
/// a date and writes one pseudonymised gold partition. The partition is recorded in the gold catalog like the built
/// tables, so erasure, retention, subject-access export, key rotation and the register cover it.
/// </summary>
public interface IBatchScorer
{
    /// <summary>Short stable name: <c>eamazing score NAME</c> and the API's <c>GET /v1/NAME/{user_id}</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The gold table it writes (partitions under <c>gold/&lt;table&gt;/month=YYYY-MM/</c>).</summary>
    GoldTable Table { get; }

    /// <summary>Scores as of <paramref name="asOf"/> (null: the latest date the lake allows).</summary>
    /// <exception cref="ArgumentException">The as-of date is not usable on this lake (a usage error, naming the dates it needs).</exception>
    /// <exception cref="InvalidOperationException">No champion, or no data as of the date (a data error); nothing is written.</exception>
    BatchScoreOutcome Score(BatchScoringContext context, DateOnly? asOf, IProgress<string>? progress = null);

    /// <summary>
    /// One person's latest row of its table, for the API (which pseudonymises the id and audits the read); read off the
    /// catalog from the Parquet files under <paramref name="lake"/>, so the server never locks it. Null: the person has no row.
    /// </summary>
    object? Lookup(IScratchDatabase scratch, LakeLayout lake, string pseudonym);
}

/// <summary>
/// What a batch scoring run may use: the lake it reads and writes gold into, the registry of champions, and the configured
/// retention campaign's economics (EAmazing:Campaign; null: its defaults) for the scorers that pick whom to contact.
/// </summary>
public sealed record BatchScoringContext(IGoldEngine Lake, ModelRegistry Registry, CampaignOptions? Campaign = null);

/// <summary>What a batch scoring wrote: the table, its lake-relative partition path, its rows, and lines for the reader (already k-anonymous).</summary>
public sealed record BatchScoreOutcome(string Table, string Partition, long Rows, IReadOnlyList<string> Lines);
