using EAmazing.BusinessModels.Recommendation.Data;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>One recommender training run's settings.</summary>
/// <param name="Methods">The methods compared (both popularity baselines are always added: the gates need them).</param>
/// <param name="TrialsPerMethod">Grid entries tried per method on the validation day (the default first, then a seeded shuffle).</param>
/// <param name="ValidationSessions">At most this many validation sessions (a seeded sample) score each grid entry.</param>
/// <param name="Protocol">Last day, or daily incremental over the final <paramref name="TestDays"/> days.</param>
/// <param name="TestDays">Test days of the daily protocol (ignored by the last-day protocol).</param>
public sealed record RecommendationRequest(
    PreparationOptions Preparation,
    IReadOnlyList<RecommenderMethod> Methods,
    int TrialsPerMethod,
    ulong Seed,
    string? TruthFolder,
    int ValidationSessions = 3000,
    RecommendationProtocol Protocol = RecommendationProtocol.LastDay,
    int TestDays = 7);
