namespace EAmazing.Monitoring.Drift;

/// <summary>How far a distribution moved from its training reference, by population stability index (PSI).</summary>
public enum DriftLevel
{
    /// <summary>PSI below 0.1: no meaningful shift.</summary>
    Ok,

    /// <summary>0.1 ≤ PSI &lt; 0.25: a shift worth watching.</summary>
    Warn,

    /// <summary>PSI ≥ 0.25: the model sees a different population; retrain due.</summary>
    Alert,
}

public static class DriftLevels
{
    public const double WarnAt = 0.1;
    public const double AlertAt = 0.25;

    public static DriftLevel Of(double psi) => double.IsNaN(psi) ? DriftLevel.Ok : psi >= AlertAt ? DriftLevel.Alert : psi >= WarnAt ? DriftLevel.Warn : DriftLevel.Ok;
}
