using System.Globalization;
using EAmazing.Models.Evaluation;

namespace EAmazing.Models.Business;

/// <summary>
/// The retention campaign's settings as a model's own parameters: each defaults to the configured value
/// (<c>EAmazing:Campaign</c>, bound once) and a value given on the command line wins; the result is checked.
/// </summary>
public static class CampaignParameters
{
    /// <summary>The parameter value meaning "take EAmazing:Campaign's value".</summary>
    public const string Configured = "configured";

    public static readonly ModelParameter OfferCost = new("offer-cost",
        $"Campaign view: cost of one retention offer (default: {CampaignOptions.SectionName}:{nameof(CampaignOptions.OfferCost)}, {Format(new CampaignOptions().OfferCost)})", Configured);

    public static readonly ModelParameter Acceptance = new("acceptance",
        $"Campaign view: share of contacted customers who accept (default: {CampaignOptions.SectionName}:{nameof(CampaignOptions.AcceptanceRate)}, {Format(new CampaignOptions().AcceptanceRate)})", Configured);

    public static readonly ModelParameter KeptValue = new("kept-value",
        $"Campaign view: value of a kept customer (default: {CampaignOptions.SectionName}:{nameof(CampaignOptions.KeptCustomerValue)}, {Format(new CampaignOptions().KeptCustomerValue)})", Configured);

    public static IReadOnlyList<ModelParameter> All { get; } = [OfferCost, Acceptance, KeptValue];

    /// <summary>The configured campaign with the values given on the command line applied on top.</summary>
    /// <exception cref="ArgumentException">A given value is not a number, or the result is out of range.</exception>
    public static CampaignOptions Resolve(TrainingSettings settings, CampaignOptions? configured)
    {
        var campaign = configured ?? new CampaignOptions();
        campaign = campaign with
        {
            OfferCost = Number(settings, OfferCost) ?? campaign.OfferCost,
            AcceptanceRate = Number(settings, Acceptance) ?? campaign.AcceptanceRate,
            KeptCustomerValue = Number(settings, KeptValue) ?? campaign.KeptCustomerValue,
        };
        return campaign.Problem() is { } problem ? throw new ArgumentException(problem) : campaign;
    }

    private static double? Number(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        if (text == Configured)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a number");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
