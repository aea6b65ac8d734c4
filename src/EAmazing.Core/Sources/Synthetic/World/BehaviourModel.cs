namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// The world's decision rules: the probabilities of carting, buying directly and, at the first cart
/// event, of the session ending in a purchase. The simulator draws from them; the oracle reads them.
/// </summary>
public sealed class BehaviourModel(BehaviourCoefficients coefficients)
{
    public BehaviourCoefficients Coefficients { get; } = coefficients;

    /// <summary>How far a price lies above what the user usually spends (log scale, 0 when affordable).</summary>
    public static double Overspend(in UserTraits user, int priceCents) =>
        Math.Max(0, Math.Log((priceCents / 100.0) + 1) - user.BudgetLog);

    public double CartProbability(in UserTraits user, int priceCents, int viewsOfItem, double dayBoost) =>
        Sigmoid(Coefficients.CartIntercept + (Coefficients.CartPropensity * user.Propensity)
            - (Coefficients.CartPriceFit * user.PriceSensitivity * Overspend(user, priceCents))
            + (Coefficients.CartRevisit * Math.Min(viewsOfItem - 1, 3)) + dayBoost);

    public double DirectBuyProbability(in UserTraits user, int priceCents, int viewsOfItem, double dayBoost) =>
        Sigmoid(Coefficients.DirectBuyIntercept + (Coefficients.DirectBuyPropensity * user.Propensity)
            - (Coefficients.DirectBuyPriceFit * user.PriceSensitivity * Overspend(user, priceCents))
            + (Coefficients.DirectBuyRevisit * Math.Min(viewsOfItem - 1, 3)) + dayBoost);

    /// <summary>
    /// The true probability that a session ends with a purchase, at its first cart event, from what
    /// happened before it: the user's hidden traits, the views so far, the carted item's price.
    /// </summary>
    public double PurchaseProbabilityAtFirstCart(in UserTraits user, int priceCents, int viewsInSession, int viewsOfItem, double dayBoost)
    {
        var persona = PersonaProfile.All[(int)user.Persona];
        return Sigmoid(Coefficients.PurchaseIntercept + (Coefficients.PurchasePropensity * user.Propensity) + persona.PurchaseBonus
            - (Coefficients.PurchasePriceFit * user.PriceSensitivity * Overspend(user, priceCents))
            + (Coefficients.PurchaseLogViews * Math.Log(viewsInSession))
            + (Coefficients.PurchaseRevisit * (viewsOfItem >= 2 ? 1 : 0))
            + (Coefficients.PurchaseLogPrice * Math.Log((priceCents / 100.0) + 1) / Math.Log(10))
            + dayBoost);
    }

    /// <summary>Logit shift on all buying decisions for a calendar day (sale days, the 2020 shift).</summary>
    public double DayBoost(DateOnly date) =>
        (WorldCalendar.IsSaleDay(date) ? Coefficients.SaleBoost : 0) + (Coefficients.ShiftBoost * WorldCalendar.ShiftLevel(date));

    /// <summary>Cart logit shift by time of day (<paramref name="second"/> counts from any midnight UTC).</summary>
    public double CartHourShift(long second) => second % 86_400 < 3 * 3600 ? Coefficients.NightCartShift : 0;

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
