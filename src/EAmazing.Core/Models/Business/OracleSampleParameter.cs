using System.Globalization;

namespace EAmazing.Models.Business;

/// <summary>
/// The setting that bounds how many people a model asks of the generated world's oracle (with <c>--truth</c>): at full
/// scale the oracle simulates futures for each person it is asked about, so beyond the bound it answers a systematic
/// sample (every (n / N)-th), and the model's errors are also given on the people it answered.
/// </summary>
public static class OracleSampleParameter
{
    public const int Default = 100_000;

    private const int Smallest = 10;
    private const int Largest = 100_000_000;

    /// <param name="description">What is sampled and how the ratios use it, in the model's words.</param>
    public static ModelParameter Create(string name, string description) =>
        new(name, description, Default.ToString(CultureInfo.InvariantCulture));

    /// <summary>The bound given, or an error naming the option when it is not a whole number in range.</summary>
    public static int Parse(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= Smallest and <= Largest
            ? n
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--{parameter.Name} '{text}' is not a whole number between {Smallest} and {Largest}"));
    }
}
