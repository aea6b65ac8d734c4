using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// The ranking gates: the common ones (every baseline beaten beyond the interval of Recall@20, no alarm), and a
/// challenger must beat the champion's Recall@20 re-scored on its own test events beyond its interval, not merely tie it
/// (a recommender swap changes what every visitor sees; a tie is not worth it).
/// </summary>
public sealed class RecommendationEvaluator : IModelEvaluator
{
    public IReadOnlyList<string> Metrics => RankingMetrics.Names;

    public PromotionDecision Evaluate(ModelCard candidate)
    {
        var decision = PromotionDecision.Evaluate(candidate);
        if (candidate.Primary is { } primary && candidate.ChampionOnThisWindow is { } champion)
        {
            decision = decision.With(primary.ClearlyBetterThan(champion),
                primary.ClearlyBetterThan(champion)
                    ? $"beats champion v{candidate.ChampionVersion} beyond the interval ({primary} vs {champion:0.0000})"
                    : $"does not beat champion v{candidate.ChampionVersion} beyond the interval ({primary} vs {champion:0.0000}): the interval must clear it");
        }

        return decision;
    }
}
