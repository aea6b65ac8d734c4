namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>One customer's latest row of <c>gold_customer_scores</c>, as the API answers it (no identifier: the caller knows whom it asked about).</summary>
public sealed record CustomerScoreOfUser(
    DateTime AsOf,
    int ModelVersion,
    int HorizonDays,
    double ProbabilityAlive,
    double ExpectedPurchases,
    double ExpectedSpend,
    double ExpectedValue);
