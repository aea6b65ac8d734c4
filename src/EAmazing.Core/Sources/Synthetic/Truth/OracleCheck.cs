using System.Globalization;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Truth;

/// <summary>How good the best possible purchase model is on a generated dataset, from <c>truth/sessions.csv.gz</c>.</summary>
public sealed record OracleCheck(int CartSessions, double MeanProbability, double PurchaseRate, double RateStandardError, double OracleAuc)
{
    public static OracleCheck FromTruth(string truthFolder)
    {
        var scores = new List<(double P, bool Y)>();
        using var reader = Rees46FileReader.OpenText(Path.Combine(truthFolder, TruthFiles.Sessions));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            scores.Add((double.Parse(parts[3], CultureInfo.InvariantCulture), parts[4] == "1"));
        }

        var n = scores.Count;
        var rate = n == 0 ? double.NaN : scores.Count(s => s.Y) / (double)n;
        return new OracleCheck(n, n == 0 ? double.NaN : scores.Average(s => s.P), rate,
            Math.Sqrt(rate * (1 - rate) / Math.Max(1, n)), RocAuc(scores));
    }

    public static double RocAuc(IReadOnlyList<(double Score, bool Label)> scored) =>
        EAmazing.Foundation.Statistics.BinaryMetrics.RocAuc(scored.Select(s => s.Score).ToArray(), scored.Select(s => s.Label).ToArray());
}
