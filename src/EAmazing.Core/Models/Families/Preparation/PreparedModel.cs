namespace EAmazing.Models.Families.Preparation;

/// <summary>A model trained on prepared features, reading raw rows: the fitted preparation first, then the family's model.</summary>
public sealed class PreparedModel(FittedPreparation preparation, ITrainedModel inner) : ITrainedModel
{
    public FittedPreparation Preparation { get; } = preparation;

    public ITrainedModel Inner { get; } = inner;

    public string Family => Inner.Family;

    public IReadOnlyDictionary<string, string> Hyperparameters => Inner.Hyperparameters;

    public float[] PredictProbabilities(IReadOnlyList<float[]> rows) => Inner.PredictProbabilities(Preparation.Transform(rows));

    public float PredictOne(float[] row) => Inner.PredictOne(Preparation.Transform(row));

    /// <summary>Saves the family's model (its file name is returned) and <c>preparation.json</c> beside it.</summary>
    public string Save(string directory)
    {
        var file = Inner.Save(directory);
        Preparation.Save(directory);
        return file;
    }
}
