using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Evaluation;

/// <summary>Everything measured on the test window for one model, with 95% bootstrap intervals where it matters.</summary>
public sealed record TestMetrics(
    int Rows,
    double PositiveRate,
    ConfidenceInterval RocAuc,
    ConfidenceInterval PrAuc,
    ConfidenceInterval LogLoss,
    double Brier,
    double CalibrationError,
    double Threshold,
    ConfusionMatrix Confusion,
    ConfidenceInterval F1,
    double LiftTopDecile,
    double NetValue)
{
    public double Precision => Confusion.Precision;

    public double Recall => Confusion.Recall;

    /// <summary>The calibration error's bootstrap interval (null on cards written before it was measured).</summary>
    public ConfidenceInterval? CalibrationErrorInterval { get; init; }

    public static TestMetrics Measure(IReadOnlyList<ScoredExample> test, double threshold, BusinessCost cost, int resamples = 300, ulong seed = 46)
    {
        var confusion = ConfusionMatrix.At(test, threshold);
        // One pass of resampling for all five intervals, linear per resample (a test set of millions stays in seconds).
        var intervals = BinaryBootstrap.Intervals(test, threshold, resamples, seed);
        return new TestMetrics(
            test.Count,
            test.Count == 0 ? double.NaN : test.Count(e => e.Label) / (double)test.Count,
            intervals.RocAuc,
            intervals.PrAuc,
            intervals.LogLoss,
            BinaryMetrics.Brier(test),
            BinaryMetrics.ExpectedCalibrationError(test),
            threshold,
            confusion,
            intervals.F1,
            BinaryMetrics.LiftAtTopDecile(test),
            cost.NetValue(confusion))
        {
            CalibrationErrorInterval = intervals.CalibrationError,
        };
    }
}
