namespace EAmazing.Models.Families.NeuralNetwork;

/// <summary>Hyperparameters of the multi-layer perceptron and its training.</summary>
public sealed record MlpOptions
{
    public IReadOnlyList<int> HiddenLayers { get; init; } = [32, 16];

    public double LearningRate { get; init; } = 1e-3;

    public int BatchSize { get; init; } = 256;

    public int MaxEpochs { get; init; } = 60;

    /// <summary>Epochs without a better validation log-loss before training stops.</summary>
    public int Patience { get; init; } = 6;

    public double L2 { get; init; } = 1e-4;

    /// <summary>Weights positives by the class ratio in the training data only (validation and test stay untouched).</summary>
    public bool BalanceClasses { get; init; }

    public ulong Seed { get; init; } = 46;
}
