namespace EAmazing.Models.Evaluation;

/// <summary>
/// A retention campaign's economics (section <c>EAmazing:Campaign</c>): each contacted customer costs
/// <see cref="OfferCost"/>; a customer who would have left and accepts the offer (<see cref="AcceptanceRate"/>) is kept,
/// worth <see cref="KeptCustomerValue"/>. The defaults (an offer of 5 accepted by one in four, a kept customer worth 60)
/// make contacting pay above a leaving probability of 1/3.
/// </summary>
public sealed record CampaignOptions
{
    public const string SectionName = "EAmazing:Campaign";

    public double OfferCost { get; init; } = 5;

    public double AcceptanceRate { get; init; } = 0.25;

    public double KeptCustomerValue { get; init; } = 60;

    /// <summary>The first setting out of range, or null.</summary>
    public string? Problem() =>
        !(OfferCost >= 0) || !double.IsFinite(OfferCost) ? $"{SectionName}:OfferCost must be a number >= 0"
        : !(AcceptanceRate is >= 0 and <= 1) ? $"{SectionName}:AcceptanceRate must be between 0 and 1"
        : !(KeptCustomerValue >= 0) || !double.IsFinite(KeptCustomerValue) ? $"{SectionName}:KeptCustomerValue must be a number >= 0"
        : null;
}
