using EAmazing.BusinessModels.Recommendation.Evaluation;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// What a comparison runs on: the validation day with its fold (the methods' grids are searched on it) and its sampled
/// sessions, and the test folds.
/// </summary>
public sealed record ComparisonFolds(DateOnly ValidationDay, ProtocolFold Search, IReadOnlyList<TestSession> Validation, IReadOnlyList<ProtocolFold> Folds);
