namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>The estimates a demand-forecast card carries (purchases per category), the primary error first.</summary>
public static class DemandForecastMetrics
{
    public const string MaseH7 = "mase_h7";
    public const string MaseH14 = "mase_h14";
    public const string MaseH28 = "mase_h28";
    public const string SmapeH7 = "smape_h7";
    public const string Coverage80 = "coverage_80";
    public const string Coverage95 = "coverage_95";

    /// <summary>How far measured coverage may be from nominal for a version to be promoted (3 points).</summary>
    public const double CoverageTolerance = 0.03;

    public static IReadOnlyList<string> Names { get; } = [MaseH7, MaseH14, MaseH28, SmapeH7, Coverage80, Coverage95];

    public static string Mase(int horizon) => $"mase_h{horizon}";

    public static string Coverage(double level) => $"coverage_{Math.Round(level * 100):0}";
}
