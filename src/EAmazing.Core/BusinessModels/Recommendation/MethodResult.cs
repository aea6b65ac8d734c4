using EAmazing.BusinessModels.Recommendation.Evaluation;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// One method of a run: the hyperparameters chosen on the validation day, its validation Recall@20, its test evaluation
/// (every test day pooled) and its times (summed over the days), and each test day's own evaluation.
/// </summary>
public sealed record MethodResult(
    RecommenderMethod Method,
    IReadOnlyDictionary<string, string> Hyperparameters,
    double ValidationRecall,
    int Candidates,
    MethodEvaluation Test,
    double FitSeconds,
    double EvaluationSeconds,
    IReadOnlyList<DayEvaluation> Days)
{
    /// <summary>The recommender fitted with the chosen settings on the training sessions (what the registry stores when chosen).</summary>
    public ISessionRecommender? Fitted { get; init; }

    /// <summary>The test day whose training sessions <see cref="Fitted"/> was fitted on (the last one for a method refitted daily).</summary>
    public ProtocolFold? FittedOn { get; init; }

    public string Name => Method.Name;

    public string Settings => Hyperparameters.Count == 0 ? "-" : string.Join(" ", Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}"));
}
