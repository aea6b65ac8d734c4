using System.Text.Json;

namespace EAmazing.Models.Families.Calibration;

/// <summary>
/// Maps a family's raw score to a probability, fitted on the validation window. Written here rather than with
/// ML.NET's calibrators because it must wrap every family (the baselines and the project's own network too) and
/// be stored as a few numbers beside any model file.
/// </summary>
public abstract class ScoreCalibrator
{
    /// <summary>Scores are kept strictly inside (0, 1) so a log-loss stays finite.</summary>
    protected const double Epsilon = 1e-6;

    /// <summary>The method's name on the card: <c>none</c>, <c>platt</c> or <c>isotonic</c>.</summary>
    public abstract string Method { get; }

    public abstract float Apply(float score);

    /// <summary>The fitted parameters, for <c>calibration.json</c>.</summary>
    public abstract object Parameters { get; }

    public float[] Apply(IReadOnlyList<float> scores) => scores.Select(Apply).ToArray();

    /// <summary>A calibrator of <paramref name="method"/> fitted on these scores and outcomes.</summary>
    public static ScoreCalibrator Fit(string method, IReadOnlyList<float> scores, IReadOnlyList<bool> labels) => method switch
    {
        IdentityCalibrator.Name => IdentityCalibrator.Instance,
        PlattCalibrator.Name => PlattCalibrator.Fit(scores, labels),
        IsotonicCalibrator.Name => IsotonicCalibrator.Fit(scores, labels),
        _ => throw new ArgumentException($"unknown calibration method '{method}'"),
    };

    /// <summary>Reads what <see cref="Parameters"/> wrote.</summary>
    public static ScoreCalibrator Read(string method, JsonElement parameters) => method switch
    {
        IdentityCalibrator.Name => IdentityCalibrator.Instance,
        PlattCalibrator.Name => PlattCalibrator.Read(parameters),
        IsotonicCalibrator.Name => IsotonicCalibrator.Read(parameters),
        _ => throw new InvalidDataException($"unknown calibration method '{method}'"),
    };
}
