namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>Every method the backtest compares, by name; the champion is stored by name and rebuilt from here.</summary>
public static class ForecastMethods
{
    public const string EnsembleName = "ensemble";

    public static IReadOnlyList<IForecastMethod> All { get; } =
    [
        new NaiveMethod(),
        new SeasonalNaiveMethod(),
        new SeasonalMeanMethod(),
        new MovingAverageMethod(),
        new SimpleExponentialSmoothing(),
        new HoltDampedMethod(),
        new HoltWintersMethod(),
        new TsbMethod(),
        // Seasonal and smoothing views of the same week pattern, averaged.
        new EnsembleMethod(EnsembleName, [new SeasonalMeanMethod(), new HoltWintersMethod(), new SimpleExponentialSmoothing(), new HoltDampedMethod()]),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToList();

    public static IForecastMethod Find(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown forecasting method '{name}'; use any of {string.Join(", ", Names)}");
}
