using System.Globalization;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Rees46;

namespace EAmazing.Core.Tests.Support;

/// <summary>Reads ground-truth files in tests.</summary>
public static class TruthReader
{
    public static IEnumerable<string[]> Rows(string truthFolder, string file)
    {
        using var reader = Rees46FileReader.OpenText(Path.Combine(truthFolder, file));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            yield return line.Split(',');
        }
    }

    public static IEnumerable<(double MeanP, double Rate, int N)> CalibrationBins(string truthFolder, int bins)
    {
        var rows = Rows(truthFolder, TruthFiles.Sessions)
            .Select(r => (P: double.Parse(r[3], CultureInfo.InvariantCulture), Y: r[4] == "1"))
            .OrderBy(r => r.P)
            .ToArray();
        var size = rows.Length / bins;
        for (var b = 0; b < bins; b++)
        {
            var slice = rows.Skip(b * size).Take(b == bins - 1 ? rows.Length - (b * size) : size).ToArray();
            yield return (slice.Average(r => r.P), slice.Count(r => r.Y) / (double)slice.Length, slice.Length);
        }
    }
}
