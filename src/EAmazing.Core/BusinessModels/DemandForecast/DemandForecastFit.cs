using System.Text.Json;
using EAmazing.Foundation.Files;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// The trained demand forecaster as the registry stores it (<c>forecast-model.json</c>): the chosen method (refitted on
/// each series' full history when forecasting, as a statistical method is), the longest horizon its intervals were
/// calibrated for, the last day of the data it was trained on, the conformal quantiles per target, and the seed (a global
/// model is refitted on the full history with it, so the same lake gives the same forecast).
/// </summary>
public sealed record DemandForecastFit(string Method, int Horizon, DateOnly TrainedThrough, IReadOnlyDictionary<string, ConformalBands> Bands, ulong Seed = 0)
{
    public const string FileName = "forecast-model.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public ConformalBands BandsOf(DemandTarget target) =>
        Bands.TryGetValue(target.Name(), out var bands) ? bands : throw new InvalidDataException($"{FileName} has no intervals for {target.Name()}");

    public string Save(string folder)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
        return FileName;
    }

    public static DemandForecastFit Load(string folder) =>
        JsonSerializer.Deserialize<DemandForecastFit>(File.ReadAllText(Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidDataException($"{folder}/{FileName} is empty");
}
