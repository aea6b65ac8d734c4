namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>The mean of several methods' forecasts, day by day: the simple combination that is hard to beat (M4's "Comb").</summary>
public sealed class EnsembleMethod(string name, IReadOnlyList<IForecastMethod> members) : IForecastMethod
{
    public IReadOnlyList<IForecastMethod> Members { get; } = members.Count > 0 ? members : throw new ArgumentException("an ensemble needs at least one member");

    public string Name { get; } = name;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var sum = new double[horizon];
        foreach (var member in Members)
        {
            var f = member.Forecast(history, horizon);
            for (var h = 0; h < horizon; h++)
            {
                sum[h] += f[h];
            }
        }

        return sum.Select(v => Forecasts.Clean(v / Members.Count)).ToArray();
    }
}
