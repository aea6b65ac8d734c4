using EAmazing.Models.Evaluation;
using Microsoft.Extensions.Options;

namespace EAmazing.Cli;

/// <summary>Checks <c>EAmazing:Campaign</c>: the retention campaign's economics the churn and customer-value models draw their campaign view with.</summary>
public sealed class CampaignOptionsValidator : IValidateOptions<CampaignOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
