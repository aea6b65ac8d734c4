using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Models.Business;

/// <summary>
/// A detection model's output (<c>eamazing detect SUBJECT [--as-of DAY]</c>): runs on the lake's days up to the as-of day,
/// writes its ranked list as one gold partition recorded in the gold catalog, and a report with a chart per flag. Its table
/// holds aggregates (per category), no person's data; the register lists it among the aggregates.
/// </summary>
public interface IDetectionWriter
{
    /// <summary>The subcommand of <c>eamazing detect</c> and the API route segment (<c>/detections/SUBJECT</c>).</summary>
    string Subject { get; }

    GoldTable Table { get; }

    /// <exception cref="InvalidOperationException">Too little history, no category or an as-of day outside the data (a data error naming the days); nothing is written.</exception>
    DetectionOutcome Detect(DetectionContext context, DateOnly? asOf, IProgress<string>? progress = null);

    /// <summary>The flagged rows of the latest as-of day written, best first (the API serves it, reading the Parquet files off the catalog); empty when none was written.</summary>
    ComparisonTable Latest(IScratchDatabase scratch, LakeLayout lake, int limit);
}

/// <summary>The lake to read and write, and the folder the report goes to.</summary>
public sealed record DetectionContext(IGoldEngine Lake, string ReportFolder);

/// <summary>What a detection wrote: the table, its partition, its rows, the ranked list as a table, lines for the reader and the report's path.</summary>
public sealed record DetectionOutcome(string Table, string Partition, long Rows, ComparisonTable Ranked, IReadOnlyList<string> Lines, string Report);
