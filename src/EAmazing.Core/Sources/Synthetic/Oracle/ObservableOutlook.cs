namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// The observable oracle's answer for one user: the posterior probability of no purchase over the window, its
/// importance-sampling standard error (√(Σ w² (x − x̄)²) ÷ Σ w, which covers the trait draws and the rank grid, not
/// the simulation noise of each draw's purchase probability), and the effective sample size of the weights
/// ((Σw)² ÷ Σw² over the prior's grid and trait draws).
/// </summary>
public readonly record struct ObservableOutlook(double ProbabilityNoPurchase, double StandardError, double EffectiveSampleSize);
