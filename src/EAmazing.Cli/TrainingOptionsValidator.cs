using EAmazing.Models.Business;
using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Cli;

/// <summary>Checks <c>EAmazing:Training</c>: the lab's settings every business model trains with.</summary>
public sealed class TrainingOptionsValidator : IValidateOptions<TrainingSettings>
{
    public ValidateOptionsResult Validate(string? name, TrainingSettings options) => new SettingChecks(TrainingSettings.SectionName)
        .Require(options.TrialsPerFamily > 0, nameof(options.TrialsPerFamily), options.TrialsPerFamily, "must be positive")
        .Require(options.Budget is null || options.Budget > TimeSpan.Zero, nameof(options.Budget), options.Budget, "must be a positive duration such as 00:05:00, or unset (no wall-clock cap: reproducible)")
        .Require(options.ValidationDays > 0, nameof(options.ValidationDays), options.ValidationDays, "must be a positive number of days")
        .Require(options.TestDays > 0, nameof(options.TestDays), options.TestDays, "must be a positive number of days")
        .Result;
}
