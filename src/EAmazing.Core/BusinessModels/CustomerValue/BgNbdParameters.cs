namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// The BG/NBD model's four parameters (Fader, Hardie and Lee, 2005): while alive a customer buys at rate λ ~ Gamma(shape
/// <see cref="R"/>, rate <see cref="Alpha"/>) per day, and after each repeat purchase leaves for good with probability
/// p ~ Beta(<see cref="A"/>, <see cref="B"/>).
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    public bool IsValid => R > 0 && Alpha > 0 && A > 0 && B > 0 && double.IsFinite(R + Alpha + A + B);
}
