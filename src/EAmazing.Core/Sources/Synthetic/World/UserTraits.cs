namespace EAmazing.Sources.Synthetic.World;

/// <summary>The hidden traits of one user. <see cref="JoinDay"/> and <see cref="ChurnDay"/> are days since the window start.</summary>
public readonly record struct UserTraits(
    int Rank,
    long UserId,
    Persona Persona,
    double Propensity,
    double PriceSensitivity,
    double BudgetLog,
    int PrimaryTopLevel,
    int SecondaryTopLevel,
    double JoinDay,
    double ChurnDay)
{
    public bool IsActiveAt(double day) => day >= JoinDay && day < ChurnDay;
}
