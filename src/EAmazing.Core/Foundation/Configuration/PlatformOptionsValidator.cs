using Microsoft.Extensions.Options;

namespace EAmazing.Foundation.Configuration;

/// <summary>An empty folder setting is a mistake (it would resolve to the current directory or fail deep inside a command).</summary>
public sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options) => new SettingChecks(PlatformOptions.SectionName)
        .Require(!string.IsNullOrWhiteSpace(options.Lake), nameof(options.Lake), options.Lake, "must name a folder")
        .Require(!string.IsNullOrWhiteSpace(options.DataDirectory), nameof(options.DataDirectory), options.DataDirectory, "must name a folder")
        .Require(!string.IsNullOrWhiteSpace(options.Models), nameof(options.Models), options.Models, "must name a folder")
        .Require(options.PseudonymKeyFile is null || options.PseudonymKeyFile.Trim().Length > 0, nameof(options.PseudonymKeyFile), options.PseudonymKeyFile, "must name a file when set")
        .Require(options.LakeLockWaitSeconds >= 0, nameof(options.LakeLockWaitSeconds), options.LakeLockWaitSeconds, "must be 0 or more seconds")
        .Result;
}
