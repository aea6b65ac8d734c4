namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>How <see cref="Gru4RecTrainer"/> turns a step's gradient into a weight update.</summary>
public enum Gru4RecOptimizer
{
    /// <summary>Per-weight rates shrinking with the sum of squared gradients (the original GRU4Rec's choice; rare items keep large steps).</summary>
    Adagrad,

    /// <summary>Plain SGD with classical momentum.</summary>
    Momentum,
}
