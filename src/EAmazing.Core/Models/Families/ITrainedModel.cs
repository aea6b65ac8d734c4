namespace EAmazing.Models.Families;

/// <summary>A fitted model: a probability for a row of features, and a way to persist it.</summary>
public interface ITrainedModel
{
    string Family { get; }

    /// <summary>The hyperparameters it was trained with, for the model card.</summary>
    IReadOnlyDictionary<string, string> Hyperparameters { get; }

    /// <summary>Scores many rows at once (faster than one by one for ML.NET pipelines).</summary>
    float[] PredictProbabilities(IReadOnlyList<float[]> rows);

    /// <summary>
    /// Scores one row. Safe to call from many threads at once (serving scores requests concurrently on one
    /// loaded model), and cheaper than a one-row <see cref="PredictProbabilities"/> where a family can make it so.
    /// </summary>
    float PredictOne(float[] row);

    /// <summary>Writes the model under <paramref name="directory"/>; returns the file name written.</summary>
    string Save(string directory);
}
