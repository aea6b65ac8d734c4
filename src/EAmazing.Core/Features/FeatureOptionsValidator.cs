using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Features;

/// <summary>Checks the gold settings before a build, so a bad one names itself instead of building empty or wrong tables.</summary>
public sealed class FeatureOptionsValidator : IValidateOptions<FeatureOptions>
{
    public ValidateOptionsResult Validate(string? name, FeatureOptions options) => new SettingChecks(FeatureOptions.SectionName)
        .Require(options.SessionGap > TimeSpan.Zero, nameof(options.SessionGap), options.SessionGap, "must be a positive duration such as 00:30:00")
        .Require(Enum.IsDefined(options.SnapshotWeekday), nameof(options.SnapshotWeekday), options.SnapshotWeekday, "must be a weekday such as Monday")
        .Require(options.ChurnHorizonDays > 0, nameof(options.ChurnHorizonDays), options.ChurnHorizonDays, "must be a positive number of days")
        .Require(options.PrefixLengths > 0, nameof(options.PrefixLengths), options.PrefixLengths, "must be a positive number of events")
        .Require(options.SnapshotHistoryDays > 0, nameof(options.SnapshotHistoryDays), options.SnapshotHistoryDays, "must be a positive number of days")
        .Require(options.ItemWindowDays > 0, nameof(options.ItemWindowDays), options.ItemWindowDays, "must be a positive number of days")
        .Require(options.MaxSessionItemsForPairs > 1, nameof(options.MaxSessionItemsForPairs), options.MaxSessionItemsForPairs, "must be at least 2 (a pair)")
        .Require(!string.IsNullOrWhiteSpace(options.EngineMemoryLimit), nameof(options.EngineMemoryLimit), options.EngineMemoryLimit, "must be a size such as 6GB")
        .Result;
}
