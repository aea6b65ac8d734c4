using System.Globalization;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>
/// The world's true persona of each snapshot user (generated data only): the raw ids of <c>truth/users.csv.gz</c> are
/// pseudonymised with the lake's key and matched to the lake's pseudonyms; raw ids are never kept.
/// </summary>
public static class TruePersonas
{
    /// <summary>Persona number per user (in <paramref name="users"/> order; -1 when the truth file lacks the user) and the persona names.</summary>
    public static (int[] Labels, IReadOnlyList<string> Names) For(string truthFolder, Pseudonymiser pseudonymiser, IReadOnlyList<string> users)
    {
        var wanted = users.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i);
        var labels = Enumerable.Repeat(-1, users.Count).ToArray();
        var names = new List<string>();
        using var reader = Rees46FileReader.OpenText(Path.Combine(truthFolder, TruthFiles.Users));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length < 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var raw))
            {
                continue;
            }

            if (wanted.TryGetValue(pseudonymiser.User(raw), out var index))
            {
                var persona = names.IndexOf(parts[1]);
                if (persona < 0)
                {
                    names.Add(parts[1]);
                    persona = names.Count - 1;
                }

                labels[index] = persona;
            }
        }

        return (labels, names);
    }
}
