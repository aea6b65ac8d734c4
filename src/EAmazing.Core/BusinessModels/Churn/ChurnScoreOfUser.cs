namespace EAmazing.BusinessModels.Churn;

/// <summary>One user's latest churn score as the API answers it (pseudonymised input, no id in the answer).</summary>
public sealed record ChurnScoreOfUser(DateTime AsOfTime, int ModelVersion, double ChurnProbability, double KeptValue, int CampaignRank, bool Targeted);
