using System.Globalization;
using Microsoft.Extensions.Options;

namespace EAmazing.Foundation.Configuration;

/// <summary>
/// The checks of one options type, each failure naming the setting as a user writes it (configuration key and
/// environment variable) with the value found, so a bad value is a one-line message, not a stack trace later.
/// </summary>
public sealed class SettingChecks(string section)
{
    private readonly List<string> _failures = [];

    /// <summary>Records a failure unless <paramref name="ok"/>: "<c>EAmazing:X:Y (env EAMAZING__X__Y) must … (got v)</c>".</summary>
    public SettingChecks Require(bool ok, string property, object? value, string rule)
    {
        if (!ok)
        {
            var key = section + ":" + property;
            _failures.Add($"{key} (env {EAmazingEnvironmentVariables.VariableOf(key)}) {rule} (got '{Convert.ToString(value, CultureInfo.InvariantCulture)}')");
        }

        return this;
    }

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
