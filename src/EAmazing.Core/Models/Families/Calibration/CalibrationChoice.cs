using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Families.Calibration;

/// <summary>
/// Chooses a family's calibration on the validation window: each method is fitted on one half of the validation
/// rows and scored on the other (both ways round), the one with the lowest held-out log-loss wins and is then fitted
/// on all validation rows. Judging a calibrator on rows it was fitted on would always favour isotonic.
/// </summary>
public static class CalibrationChoice
{
    public static IReadOnlyList<string> Methods { get; } = [IdentityCalibrator.Name, PlattCalibrator.Name, IsotonicCalibrator.Name];

    /// <param name="scores">The family's raw validation scores.</param>
    /// <param name="labels">The validation outcomes.</param>
    /// <param name="methods">The methods to consider (baselines consider only <c>none</c>).</param>
    public static (ScoreCalibrator Calibrator, double HeldOutLogLoss) Choose(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, IReadOnlyList<string>? methods = null)
    {
        var best = (Method: IdentityCalibrator.Name, LogLoss: double.PositiveInfinity);
        foreach (var method in methods ?? Methods)
        {
            var loss = HeldOutLogLoss(method, scores, labels);
            if (loss < best.LogLoss - 1e-12)
            {
                best = (method, loss);
            }
        }

        return (ScoreCalibrator.Fit(best.Method, scores, labels), best.LogLoss);
    }

    /// <summary>Two-fold (even rows, odd rows) held-out log-loss of a method on these validation rows.</summary>
    public static double HeldOutLogLoss(string method, IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var held = new List<ScoredExample>(scores.Count);
        for (var fold = 0; fold < 2; fold++)
        {
            var fit = Enumerable.Range(0, scores.Count).Where(i => i % 2 != fold).ToArray();
            var calibrator = ScoreCalibrator.Fit(method, fit.Select(i => scores[i]).ToArray(), fit.Select(i => labels[i]).ToArray());
            for (var i = fold; i < scores.Count; i += 2)
            {
                held.Add(new ScoredExample(calibrator.Apply(scores[i]), labels[i]));
            }
        }

        return held.Count == 0 ? double.PositiveInfinity : BinaryMetrics.LogLoss(held);
    }
}
