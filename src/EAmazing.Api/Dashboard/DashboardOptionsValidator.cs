using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Dashboard;

/// <summary>Checks the dashboard settings at start: a session of no time would sign everybody out at once.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options) => new SettingChecks(DashboardOptions.SectionName)
        .Require(options.SessionMinutes > 0, nameof(options.SessionMinutes), options.SessionMinutes, "must be a positive number of minutes")
        .Require(options.RefreshSeconds >= 0, nameof(options.RefreshSeconds), options.RefreshSeconds, "must be 0 (warm at start only) or a positive number of seconds")
        .Result;
}
