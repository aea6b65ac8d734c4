using System.Text.Json;
using EAmazing.Models.Data;
using EAmazing.Models.Families.Preparation;

namespace EAmazing.Models.Families.Baselines;

/// <summary>The floor every model must beat: predict the training window's positive rate for everyone.</summary>
public sealed class PriorRateFamily : IModelFamily
{
    public string Name => "prior";

    public string Description => "Baseline: the training positive rate for every row";

    public FeaturePreparation Preparation => FeaturePreparation.Raw;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(int maxTrials, ulong seed) => [new Dictionary<string, string>()];

    public ITrainedModel Train(TabularDataset train, TabularDataset valid, IReadOnlyDictionary<string, string> hyperparameters, ulong seed) =>
        new PriorRateModel((float)train.PositiveRate);

    public ITrainedModel Load(string folder, string modelFile, int featureCount, IReadOnlyDictionary<string, string> hyperparameters) =>
        PriorRateModel.Read(Path.Combine(folder, modelFile));

    public sealed class PriorRateModel(float rate) : ITrainedModel
    {
        public string Family => "prior";

        public IReadOnlyDictionary<string, string> Hyperparameters { get; } = new Dictionary<string, string> { ["rate"] = rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture) };

        public float Rate { get; } = rate;

        public float[] PredictProbabilities(IReadOnlyList<float[]> rows) => Enumerable.Repeat(Rate, rows.Count).ToArray();

        public float PredictOne(float[] row) => Rate;

        public string Save(string directory)
        {
            File.WriteAllText(Path.Combine(directory, "prior.json"), JsonSerializer.Serialize(new { rate = Rate }));
            return "prior.json";
        }

        /// <summary>Reads the file <see cref="Save"/> writes.</summary>
        internal static PriorRateModel Read(string path)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return new PriorRateModel(doc.RootElement.GetProperty("rate").GetSingle());
        }
    }
}
