using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Privacy;

/// <summary>Retention keeps at least the reference month; k below 1 would suppress nothing and claim otherwise; the engine needs a memory size.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) => new SettingChecks(PrivacyOptions.SectionName)
        .Require(options.RetentionMonths >= 1, nameof(options.RetentionMonths), options.RetentionMonths, "must be at least 1")
        .Require(options.MinGroupSize >= 1, nameof(options.MinGroupSize), options.MinGroupSize, "must be at least 1")
        .Require(!string.IsNullOrWhiteSpace(options.EngineMemoryLimit), nameof(options.EngineMemoryLimit), options.EngineMemoryLimit, "must be a size such as 6GB")
        .Result;
}
