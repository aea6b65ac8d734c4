using System.Text.Json;

namespace EAmazing.Models.Families.Calibration;

/// <summary>A family's model followed by its validation-fitted calibrator: every score it serves is a probability.</summary>
public sealed class CalibratedModel(ITrainedModel inner, ScoreCalibrator calibrator) : ITrainedModel
{
    public const string FileName = "calibration.json";

    public ITrainedModel Inner { get; } = inner;

    public ScoreCalibrator Calibrator { get; } = calibrator;

    public string Family => Inner.Family;

    public IReadOnlyDictionary<string, string> Hyperparameters => Inner.Hyperparameters;

    public float[] PredictProbabilities(IReadOnlyList<float[]> rows) => Calibrator.Apply(Inner.PredictProbabilities(rows));

    public float PredictOne(float[] row) => Calibrator.Apply(Inner.PredictOne(row));

    /// <summary>Saves the inner model (its file name is returned) and <c>calibration.json</c> beside it.</summary>
    public string Save(string directory)
    {
        var file = Inner.Save(directory);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(new { method = Calibrator.Method, parameters = Calibrator.Parameters }));
        return file;
    }

    /// <summary>Wraps <paramref name="inner"/> in the calibrator saved in <paramref name="directory"/>, if any.</summary>
    public static ITrainedModel Read(string directory, ITrainedModel inner)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return inner;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new CalibratedModel(inner, ScoreCalibrator.Read(doc.RootElement.GetProperty("method").GetString()!, doc.RootElement.GetProperty("parameters")));
    }
}
