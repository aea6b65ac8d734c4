using System.Text.Json;
using EAmazing.Foundation.Files;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>The fitted customer-value model as the registry stores it (<c>value-model.json</c>): both models' parameters and the horizon it scores over.</summary>
public sealed record CustomerValueFit(BgNbdParameters Purchases, GammaGammaParameters Spend, int HorizonDays, DateTime CalibrationEnd)
{
    public const string FileName = "value-model.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One customer's prediction over <paramref name="horizonDays"/>: P(alive), expected purchases, expected spend per purchase, expected value.</summary>
    public CustomerPrediction Predict(CustomerSummary c, int horizonDays)
    {
        var purchases = BgNbdModel.ExpectedPurchases(Purchases, c, horizonDays);
        var spend = GammaGammaModel.ExpectedSpend(Spend, c);
        return new CustomerPrediction(BgNbdModel.ProbabilityAlive(Purchases, c), purchases, spend, purchases * spend);
    }

    public string Save(string folder)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
        return FileName;
    }

    public static CustomerValueFit Load(string folder) =>
        JsonSerializer.Deserialize<CustomerValueFit>(File.ReadAllText(Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidDataException($"{folder}/{FileName} is empty");
}

/// <summary>What the value model says about one customer over a horizon.</summary>
public readonly record struct CustomerPrediction(double ProbabilityAlive, double ExpectedPurchases, double ExpectedSpend, double ExpectedValue);
