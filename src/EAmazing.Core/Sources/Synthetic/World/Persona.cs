namespace EAmazing.Sources.Synthetic.World;

/// <summary>The true customer segments of the world (what a segmentation model should rediscover).</summary>
public enum Persona : byte
{
    WindowShopper = 0,
    Regular = 1,
    BargainHunter = 2,
    LoyalBigSpender = 3,
    OneTimeBuyer = 4,
}

/// <summary>Latent parameters of a persona.</summary>
public sealed record PersonaProfile(
    Persona Persona,
    double PropensityMean,
    double PriceSensitivity,
    double BudgetShift,
    double MeanDaysToChurn,
    double PurchaseBonus)
{
    public static readonly PersonaProfile[] All =
    [
        new(Persona.WindowShopper, -0.9, 1.0, 0.0, 160, -0.2),
        new(Persona.Regular, 0.0, 0.8, 0.0, 220, 0.0),
        new(Persona.BargainHunter, -0.2, 2.0, -0.7, 130, 0.0),
        new(Persona.LoyalBigSpender, 1.1, 0.3, 0.9, 700, 0.25),
        new(Persona.OneTimeBuyer, 0.6, 0.8, 0.0, 12, 0.1),
    ];

    public static string Name(Persona persona) => persona switch
    {
        Persona.WindowShopper => "window_shopper",
        Persona.Regular => "regular",
        Persona.BargainHunter => "bargain_hunter",
        Persona.LoyalBigSpender => "loyal_big_spender",
        Persona.OneTimeBuyer => "one_time_buyer",
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };
}
