namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// What the world expects of one user over a window, given its state at the window's start: the expected number of
/// sessions with a purchase and the probability of none, each with the Monte Carlo standard error of its estimate.
/// </summary>
public readonly record struct PurchaseOutlook(double ExpectedPurchaseSessions, double ExpectedStandardError, double ProbabilityNoPurchase, double NoPurchaseStandardError);
