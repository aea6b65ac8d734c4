using EAmazing.BusinessModels.PurchaseIntent;
using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Cli;

/// <summary>Checks <c>EAmazing:Training</c> (the training options live with the business model, which names no section).</summary>
public sealed class TrainingOptionsValidator : IValidateOptions<PurchaseIntentOptions>
{
    public ValidateOptionsResult Validate(string? name, PurchaseIntentOptions options) => new SettingChecks(CliServices.TrainingSection)
        .Require(options.TrialsPerFamily > 0, nameof(options.TrialsPerFamily), options.TrialsPerFamily, "must be positive")
        .Require(options.Budget > TimeSpan.Zero, nameof(options.Budget), options.Budget, "must be a positive duration such as 00:05:00")
        .Require(options.ValidationDays > 0, nameof(options.ValidationDays), options.ValidationDays, "must be a positive number of days")
        .Require(options.TestDays > 0, nameof(options.TestDays), options.TestDays, "must be a positive number of days")
        .Result;
}
