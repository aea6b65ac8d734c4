namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// The observable oracle's answer for one user: the posterior probability of no purchase over the window and the
/// effective sample size of the importance weights behind it ((Σw)² ÷ Σw² over the prior's grid and trait draws).
/// </summary>
public readonly record struct ObservableOutlook(double ProbabilityNoPurchase, double EffectiveSampleSize);
