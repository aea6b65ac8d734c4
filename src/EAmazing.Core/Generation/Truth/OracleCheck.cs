using System.Globalization;
using EAmazing.Rees46;

namespace EAmazing.Generation.Truth;

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

    /// <summary>
    /// ROC-AUC by the rank-sum (Mann–Whitney) formula with tie correction. Written here because the
    /// generator's check runs without ML.NET; the model lab uses ML.NET's own metrics.
    /// </summary>
    public static double RocAuc(IReadOnlyList<(double Score, bool Label)> scored)
    {
        var sorted = scored.OrderBy(s => s.Score).ToArray();
        double positives = sorted.Count(s => s.Label), negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score)
            {
                j++;
            }

            var averageRank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (sorted[k].Label)
                {
                    rankSum += averageRank;
                }
            }

            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
