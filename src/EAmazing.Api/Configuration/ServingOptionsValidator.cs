using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Configuration;

/// <summary>Checks the serving settings at start: a zero rate or poll interval would refuse every call or spin.</summary>
public sealed class ServingOptionsValidator : IValidateOptions<ServingOptions>
{
    public ValidateOptionsResult Validate(string? name, ServingOptions options) => new SettingChecks(ServingOptions.SectionName)
        .Require(options.ModelNames.All(m => !string.IsNullOrWhiteSpace(m)), nameof(options.ModelNames), string.Join(",", options.ModelNames), "must name models")
        .Require(options.RegistryPollSeconds > 0, nameof(options.RegistryPollSeconds), options.RegistryPollSeconds, "must be a positive number of seconds")
        .Require(options.RequestsPerSecondPerKey > 0, nameof(options.RequestsPerSecondPerKey), options.RequestsPerSecondPerKey, "must be positive")
        .Require(options.BurstPerKey >= 0, nameof(options.BurstPerKey), options.BurstPerKey, "must not be negative")
        .Require(options.MaxRequestBytes > 0, nameof(options.MaxRequestBytes), options.MaxRequestBytes, "must be positive")
        .Require(options.MaxSessionEvents > 0, nameof(options.MaxSessionEvents), options.MaxSessionEvents, "must be positive")
        .Result;
}
