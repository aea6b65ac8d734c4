using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Models.Business;

/// <summary>
/// A forecasting model's output table (<c>eamazing forecast --horizon N</c>): applies its champion to the lake's latest
/// days and writes the forecast, with intervals, as one gold partition recorded in the gold catalog. Unlike a batch
/// scorer's table it holds aggregates (per category and day), no person's data, so erasure and export have nothing
/// to find in it; the register lists it among the aggregates.
/// </summary>
public interface IForecastWriter
{
    /// <summary>The aggregate gold table it writes (partitions under <c>gold/&lt;table&gt;/month=YYYY-MM/</c>).</summary>
    GoldTable Table { get; }

    /// <exception cref="ArgumentException">The horizon is not usable with the champion and the lake (a usage error naming the limit).</exception>
    /// <exception cref="InvalidOperationException">No champion or no data (a data error); nothing is written.</exception>
    BatchScoreOutcome Write(BatchScoringContext context, int horizon, IProgress<string>? progress = null);

    /// <summary>Whether the table has been written at all (read off the catalog, from the Parquet files on disk, as the API reads).</summary>
    bool HasForecast(LakeLayout lake);

    /// <summary>The latest forecast of one series by its key (a category id or a top-level category name), of one target or all (null); null when the table has none for it.</summary>
    object? Lookup(IScratchDatabase scratch, LakeLayout lake, string key, string? target = null);
}
