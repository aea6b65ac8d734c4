using System.Text.Json;

namespace EAmazing.Models.Families.Calibration;

/// <summary>
/// Isotonic regression (pool-adjacent-violators): a non-decreasing step function from score to observed rate.
/// Each step's rate is shrunk by one pseudo-row of the overall rate, so no step predicts exactly 0 or 1.
/// </summary>
public sealed class IsotonicCalibrator(float[] upperScores, float[] rates) : ScoreCalibrator
{
    public const string Name = "isotonic";

    public override string Method => Name;

    public override object Parameters => new { upper = upperScores, rates };

    /// <summary>The rate of the first step whose upper score is at least <paramref name="score"/> (the last step above them all).</summary>
    public override float Apply(float score)
    {
        var index = Array.BinarySearch(upperScores, score);
        if (index < 0)
        {
            index = Math.Min(~index, rates.Length - 1);
        }

        return rates[index];
    }

    public static IsotonicCalibrator Fit(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var overall = labels.Count == 0 ? 0.5 : labels.Count(l => l) / (double)labels.Count;
        var upper = new List<float>();
        var sums = new List<double>();
        var counts = new List<double>();
        var k = 0;
        while (k < order.Length)
        {
            // Equal scores form one block: the function may only step between different scores.
            var score = scores[order[k]];
            double positives = 0, count = 0;
            while (k < order.Length && scores[order[k]] == score)
            {
                positives += labels[order[k]] ? 1 : 0;
                count++;
                k++;
            }

            upper.Add(score);
            sums.Add(positives);
            counts.Add(count);
            while (sums.Count > 1 && sums[^2] / counts[^2] >= sums[^1] / counts[^1])
            {
                sums[^2] += sums[^1];
                counts[^2] += counts[^1];
                upper[^2] = upper[^1];
                sums.RemoveAt(sums.Count - 1);
                counts.RemoveAt(counts.Count - 1);
                upper.RemoveAt(upper.Count - 1);
            }
        }

        if (upper.Count == 0)
        {
            return new IsotonicCalibrator([1f], [(float)overall]);
        }

        var rates = sums.Select((s, i) => (float)Math.Clamp((s + overall) / (counts[i] + 1), Epsilon, 1 - Epsilon)).ToArray();
        for (var i = 1; i < rates.Length; i++)
        {
            // Shrinking small steps towards the overall rate can undo their order; keep the function non-decreasing.
            rates[i] = Math.Max(rates[i], rates[i - 1]);
        }

        return new IsotonicCalibrator([.. upper], rates);
    }

    internal static IsotonicCalibrator Read(JsonElement parameters) => new(
        parameters.GetProperty("upper").EnumerateArray().Select(e => e.GetSingle()).ToArray(),
        parameters.GetProperty("rates").EnumerateArray().Select(e => e.GetSingle()).ToArray());
}
