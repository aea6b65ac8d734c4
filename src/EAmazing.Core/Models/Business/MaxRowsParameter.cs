using System.Globalization;

namespace EAmazing.Models.Business;

/// <summary>
/// The <c>--max-rows</c> setting of a model that trains on a sample of users beyond a size (<see cref="Data.UserSample"/>):
/// at full scale its gold table outgrows what the lab's families train on in reasonable time, and the card states the rule.
/// </summary>
public static class MaxRowsParameter
{
    public const string Name = "max-rows";

    /// <param name="unit">What a row is, e.g. "snapshot".</param>
    /// <param name="default">The cap when none is given.</param>
    public static ModelParameter Create(string unit, long @default) => new(Name,
        $"Labelled {unit}s trained on, at most about: beyond it, the {unit}s of a sample of users, those whose pseudonym's first four "
        + $"hex digits fall below a threshold (the same users under a key, every {unit} of each); the card states the rule",
        @default.ToString(CultureInfo.InvariantCulture));

    /// <summary>What the card's task line adds when training used a sample: the rule and the cap that called for it.</summary>
    public static string CardNote(Data.UserSample? sample, long maxRows) => sample is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"; trained and tested on {sample.Rule} (--{Name} {maxRows:N0})");

    /// <summary>The cap given, or an error naming the option when it is not a whole number of at least 100.</summary>
    public static long Parse(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows >= 100
            ? rows
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a whole number of at least 100");
    }
}
