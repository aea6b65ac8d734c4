using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// A business model's batch scoring: <c>eamazing score NAME --as-of DATE</c> scores every person known as of that
/// date with the champion and writes one pseudonymised gold partition (<see cref="Table"/>, the as-of month). The gold
/// table is recorded like the built ones, so erasure, retention, subject-access export and the register cover it.
/// </summary>
public interface IBatchScorer
{
    /// <summary>Short stable name: <c>eamazing score NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The gold table it writes (one partition per as-of month; a later run in the same month replaces it).</summary>
    GoldTable Table { get; }

    /// <exception cref="ArgumentException">The as-of date is not usable on this lake (a usage error, naming the dates it needs).</exception>
    /// <exception cref="InvalidOperationException">No champion, or the lake holds nothing to score (a data error).</exception>
    BatchScoringOutcome Score(BatchScoringContext context, DateTime asOf, IProgress<string>? progress = null);
}

/// <summary>What a batch scoring run may use: the lake it reads and writes gold into, and the registry of champions.</summary>
public sealed record BatchScoringContext(IGoldEngine Lake, ModelRegistry Registry);

/// <summary>The partition a batch scoring run wrote: its lake-relative path, rows, the champion used and a line for the reader.</summary>
public sealed record BatchScoringOutcome(string Table, string Month, string Path, long Rows, string Model, string Summary);
