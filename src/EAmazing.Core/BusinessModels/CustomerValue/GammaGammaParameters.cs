namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// The Gamma–Gamma spend model's parameters (Fader, Hardie and Lee, 2005): each purchase's value is Gamma(shape
/// <see cref="P"/>, rate ν) with ν ~ Gamma(shape <see cref="Q"/>, rate <see cref="Gamma"/>) per customer, independent of
/// the purchase count. The population's mean spend per purchase is p·γ/(q − 1).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    public bool IsValid => P > 0 && Q > 0 && Gamma > 0 && double.IsFinite(P + Q + Gamma);

    public double PopulationMeanSpend => Q > 1 ? P * Gamma / (Q - 1) : double.NaN;
}
