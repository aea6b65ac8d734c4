using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Api.Scoring;

/// <summary>A next-item champion ready to answer: its card and the loaded recommender (thread-safe).</summary>
public sealed record ServedRecommender(ModelCard Card, INextItemRecommender Model);
