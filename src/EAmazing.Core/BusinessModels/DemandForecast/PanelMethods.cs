using EAmazing.BusinessModels.DemandForecast.Boosting;
using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>The global methods (one model over all series), by name, built for a seed; the per-series ones are in <see cref="ForecastMethods"/>.</summary>
public static class PanelMethods
{
    public const string EnsembleName = "ensemble_gbm";

    public static IReadOnlyList<string> Names { get; } = [GradientBoostedMethod.MethodName, EnsembleName];

    public static IReadOnlyList<IPanelForecastMethod> All(ulong seed)
    {
        var gbm = new GradientBoostedMethod(seed);
        return [gbm, new PanelEnsembleMethod(EnsembleName, gbm, ForecastMethods.Find(ForecastMethods.EnsembleName))];
    }

    public static bool IsPanel(string name) => Names.Contains(name);

    public static IPanelForecastMethod Find(string name, ulong seed) =>
        All(seed).FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown global forecasting method '{name}'; use any of {string.Join(", ", Names)}");
}
