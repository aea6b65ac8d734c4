using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// One method's backtest accuracy over the first <see cref="Horizon"/> days of each window: MASE and sMAPE averaged over
/// series with 95% bootstrap intervals over series, RMSSE weighted by each series' revenue (M5-style), and how many
/// series were scored (those with a non-zero scale).
/// </summary>
public sealed record MethodScore(string Method, int Horizon, ConfidenceInterval Mase, ConfidenceInterval Smape, double WeightedRmsse, int Series);
