using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Serving;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels;

/// <summary>How the server reaches the next-item business model's champion without naming its folder: its registry name and its loader.</summary>
public static class NextItemServing
{
    public const string RegistryName = RecommendationModel.RegistryName;

    /// <inheritdoc cref="ServableRecommender.Load"/>
    public static INextItemRecommender Load(string folder, int candidates) => ServableRecommender.Load(folder, candidates);
}
