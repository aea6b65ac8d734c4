namespace EAmazing.Sources.Synthetic.Simulation;

/// <summary>Ground truth for one session with a cart: the true purchase probability at its first cart, and the outcome.</summary>
public readonly record struct CartSessionTruth(Guid Session, long UserId, long FirstCartSecond, double PurchaseProbability, bool Purchased);
