using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Ingestion;

/// <summary>Checks the ingest settings before a file is read, so a bad one names itself instead of failing mid-file.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options) => new SettingChecks(IngestOptions.SectionName)
        .Require(options.SessionGap > TimeSpan.Zero, nameof(options.SessionGap), options.SessionGap, "must be a positive duration such as 00:30:00")
        .Require(options.SilverBucketRows > 0, nameof(options.SilverBucketRows), options.SilverBucketRows, "must be positive")
        .Require(options.PriceCeiling > 0, nameof(options.PriceCeiling), options.PriceCeiling, "must be positive")
        .Require(options.LatestEventTime is null || options.LatestEventTime > options.EarliestEventTime, nameof(options.LatestEventTime), options.LatestEventTime, "must be after EarliestEventTime")
        .Require(options.MaxTextLength > 0, nameof(options.MaxTextLength), options.MaxTextLength, "must be positive")
        .Require(options.RefuseRejectedShare is > 0 and <= 1, nameof(options.RefuseRejectedShare), options.RefuseRejectedShare, "must be a share in (0, 1], such as 0.9")
        .Require(options.RefuseFromRows >= 1, nameof(options.RefuseFromRows), options.RefuseFromRows, "must be at least 1")
        .Require(options.BatchSize > 0, nameof(options.BatchSize), options.BatchSize, "must be positive")
        .Require(!string.IsNullOrWhiteSpace(options.EngineMemoryLimit), nameof(options.EngineMemoryLimit), options.EngineMemoryLimit, "must be a size such as 2GB")
        .Result;
}
