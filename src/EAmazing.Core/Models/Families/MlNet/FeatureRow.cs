namespace EAmazing.Models.Families.MlNet;

/// <summary>The row shape handed to ML.NET; the feature vector's size is set at run time through a schema definition.</summary>
public sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1;
}

/// <summary>What an ML.NET binary pipeline returns per row.</summary>
public sealed class ProbabilityPrediction
{
    public float Probability { get; set; }
}
