using System.Text.Json;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.Foundation.Files;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// The chosen recommender as the registry stores it (<c>recommender.json</c>): the method, its hyperparameters, the
/// preparation and the last day it was trained through. The fitted state (counts, neighbours) is rebuilt from the lake
/// by refitting, as for a statistical forecast; no session or user is stored with the model.
/// </summary>
public sealed record RecommenderFit(string Method, IReadOnlyDictionary<string, string> Hyperparameters, PreparationOptions Preparation, DateOnly TrainedThrough, int Items)
{
    public const string FileName = "recommender.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Save(string folder)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
        return FileName;
    }

    public static RecommenderFit Load(string folder) =>
        JsonSerializer.Deserialize<RecommenderFit>(File.ReadAllText(Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidDataException($"{folder}/{FileName} is empty");
}
