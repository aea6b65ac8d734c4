using System.Globalization;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;

namespace EAmazing.BusinessModels.PurchaseIntent;

/// <summary>
/// The world's true purchase probability for each cart prediction point, matched through the
/// pseudonymised user id and the first cart's time (generated data only; the raw ids in the truth file
/// are pseudonymised with the lake's key before matching and never kept).
/// </summary>
public static class TruthProbabilities
{
    public static IReadOnlyList<double?> ForCartPoints(string truthFolder, Pseudonymiser pseudonymiser, IReadOnlyList<string> users, IReadOnlyList<DateTime> asOf)
    {
        var truth = new Dictionary<(string, DateTime), double>();
        using (var reader = Rees46FileReader.OpenText(Path.Combine(truthFolder, TruthFiles.Sessions)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split(',');
                if (Rees46Format.TryParseTime(parts[2], out var time))
                {
                    truth[(pseudonymiser.User(long.Parse(parts[1], CultureInfo.InvariantCulture)), time)] = double.Parse(parts[3], CultureInfo.InvariantCulture);
                }
            }
        }

        return users.Select((u, i) => truth.TryGetValue((u, asOf[i]), out var p) ? p : (double?)null).ToArray();
    }
}
