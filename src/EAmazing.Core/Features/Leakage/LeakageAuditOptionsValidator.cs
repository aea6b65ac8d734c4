using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Features.Leakage;

/// <summary>Checks the leakage audit's settings: a threshold at or below 0.5 would flag every feature, one above 1 none.</summary>
public sealed class LeakageAuditOptionsValidator : IValidateOptions<LeakageAuditOptions>
{
    public ValidateOptionsResult Validate(string? name, LeakageAuditOptions options) => new SettingChecks(LeakageAuditOptions.SectionName)
        .Require(options.AucThreshold is > 0.5 and <= 1, nameof(options.AucThreshold), options.AucThreshold, "must be above 0.5 and at most 1")
        .Require(options.SampleCutoffs > 0, nameof(options.SampleCutoffs), options.SampleCutoffs, "must be positive")
        .Require(options.MinRowsForAuc > 0, nameof(options.MinRowsForAuc), options.MinRowsForAuc, "must be positive")
        .Require(options.MaxRowsPerCutoff > 0, nameof(options.MaxRowsPerCutoff), options.MaxRowsPerCutoff, "must be positive")
        .Require(options.MaxScanRows > 0, nameof(options.MaxScanRows), options.MaxScanRows, "must be positive")
        .Require(options.Tolerance >= 0, nameof(options.Tolerance), options.Tolerance, "must not be negative")
        .Result;
}
