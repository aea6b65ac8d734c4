using EAmazing.BusinessModels.Recommendation.Data;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>One recommender training run's settings.</summary>
/// <param name="Methods">The methods compared (both popularity baselines are always added: the gates need them).</param>
/// <param name="TrialsPerMethod">Grid entries tried per method on the validation day (the default first, then a seeded shuffle).</param>
/// <param name="ValidationSessions">At most this many validation sessions (a seeded sample) score each grid entry.</param>
public sealed record RecommendationRequest(
    PreparationOptions Preparation,
    IReadOnlyList<RecommenderMethod> Methods,
    int TrialsPerMethod,
    ulong Seed,
    string? TruthFolder,
    int ValidationSessions = 3000);
