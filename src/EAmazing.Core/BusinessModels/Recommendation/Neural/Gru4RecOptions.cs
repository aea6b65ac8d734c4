namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// Hyperparameters of the GRU4Rec-style network and its training. Defaults follow the published
/// GRU4Rec settings for REES46-sized data (one layer, 100 units, 2,048 popularity-sampled negatives with
/// α = 0.75) scaled down where the project's 2-core machines need it.
/// </summary>
public sealed record Gru4RecOptions
{
    /// <summary>Width of the input item embedding.</summary>
    public int EmbeddingSize { get; init; } = 64;

    /// <summary>Width of the GRU's hidden state (and of the output item embedding the scores are dot products with).</summary>
    public int HiddenSize { get; init; } = 100;

    /// <summary>Recurrent layers. One, as GRU4Rec's best published settings use; kept as an option so the card records it.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Sessions processed in parallel (the session-parallel mini-batch's width).</summary>
    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 0.05;

    public Gru4RecOptimizer Optimizer { get; init; } = Gru4RecOptimizer.Adagrad;

    /// <summary>Momentum coefficient (<see cref="Gru4RecOptimizer.Momentum"/> only).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Probability of dropping a unit of the hidden state before it meets the output embedding (training only).</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Extra negatives per mini-batch step, drawn with probability ∝ popularity^<see cref="SampleAlpha"/>, shared by all rows.</summary>
    public int NegativeSamples { get; init; } = 2048;

    /// <summary>Exponent on item popularity for the negative sampler: 0 uniform, 1 proportional to popularity.</summary>
    public double SampleAlpha { get; init; } = 0.75;

    /// <summary>
    /// Subtracts log Q(item) (how often the item appears among a step's columns) from each training logit, so the
    /// sampled softmax estimates the full one instead of punishing popular items for being sampled often.
    /// </summary>
    public bool LogQCorrection { get; init; } = true;

    public int Epochs { get; init; } = 5;

    public ulong Seed { get; init; } = 46;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        Require(EmbeddingSize >= 1, nameof(EmbeddingSize), EmbeddingSize, "at least 1");
        Require(HiddenSize >= 1, nameof(HiddenSize), HiddenSize, "at least 1");
        Require(Layers == 1, nameof(Layers), Layers, "1 (deeper stacks are not implemented)");
        Require(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "a positive number");
        Require(Momentum is >= 0 and < 1, nameof(Momentum), Momentum, "in [0, 1)");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), Dropout, "in [0, 1)");
        Require(NegativeSamples >= 0, nameof(NegativeSamples), NegativeSamples, "0 or more");
        Require(SampleAlpha is >= 0 and <= 1, nameof(SampleAlpha), SampleAlpha, "in [0, 1]");
        Require(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
    }

    private static void Require(bool ok, string name, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Gru4RecOptions.{name} must be {expected}.");
        }
    }
}
