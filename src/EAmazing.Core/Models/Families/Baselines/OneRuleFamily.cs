using System.Globalization;
using System.Text.Json;
using EAmazing.Models.Data;
using EAmazing.Models.Families.Preparation;
using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Families.Baselines;

/// <summary>
/// The one-rule heuristic (Holte's OneR): the single feature that best ranks the training rows,
/// cut into quantile bins, each bin predicting its training positive rate.
/// </summary>
public sealed class OneRuleFamily : IModelFamily
{
    private const int Bins = 10;

    public string Name => "onerule";

    public string Description => "Baseline: the best single feature, binned (OneR)";

    public FeaturePreparation Preparation => FeaturePreparation.Raw;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(int maxTrials, ulong seed) => [new Dictionary<string, string>()];

    public ITrainedModel Train(TabularDataset train, TabularDataset valid, IReadOnlyDictionary<string, string> hyperparameters, ulong seed)
    {
        var best = 0;
        var bestAuc = -1.0;
        for (var f = 0; f < train.FeatureNames.Count; f++)
        {
            var auc = BinaryMetrics.RocAuc(train.Features.Select((row, i) => new ScoredExample(float.IsNaN(row[f]) ? float.MinValue : row[f], train.Labels[i])).ToArray());
            var strength = Math.Max(auc, 1 - auc);
            if (strength > bestAuc)
            {
                bestAuc = strength;
                best = f;
            }
        }

        var values = train.Features.Select(r => r[best]).Where(v => !float.IsNaN(v)).Order().ToArray();
        var cuts = values.Length == 0 ? [] : Enumerable.Range(1, Bins - 1).Select(i => values[i * (values.Length - 1) / Bins]).Distinct().ToArray();
        var prior = train.PositiveRate;
        var rates = new double[cuts.Length + 2]; // last slot: missing values
        var counts = new int[rates.Length];
        for (var i = 0; i < train.Count; i++)
        {
            var bin = OneRuleModel.BinOf(train.Features[i][best], cuts);
            counts[bin]++;
            rates[bin] += train.Labels[i] ? 1 : 0;
        }

        // Smooth towards the prior so small bins do not predict 0 or 1.
        var probabilities = rates.Select((positives, b) => (float)((positives + (5 * prior)) / (counts[b] + 5))).ToArray();
        return new OneRuleModel(best, train.FeatureNames[best], cuts, probabilities);
    }

    public ITrainedModel Load(string folder, string modelFile, int featureCount, IReadOnlyDictionary<string, string> hyperparameters) =>
        OneRuleModel.Read(Path.Combine(folder, modelFile));

    public sealed class OneRuleModel(int feature, string featureName, float[] cuts, float[] probabilities) : ITrainedModel
    {
        public string Family => "onerule";

        public IReadOnlyDictionary<string, string> Hyperparameters { get; } = new Dictionary<string, string>
        {
            ["feature"] = featureName,
            ["cuts"] = string.Join(' ', cuts.Select(c => c.ToString("R", CultureInfo.InvariantCulture))),
        };

        public float[] PredictProbabilities(IReadOnlyList<float[]> rows) => rows.Select(PredictOne).ToArray();

        public float PredictOne(float[] row) => probabilities[BinOf(row[feature], cuts)];

        public string Save(string directory)
        {
            File.WriteAllText(Path.Combine(directory, "onerule.json"), JsonSerializer.Serialize(new { feature, featureName, cuts, probabilities }));
            return "onerule.json";
        }

        /// <summary>Reads the file <see cref="Save"/> writes.</summary>
        internal static OneRuleModel Read(string path)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            return new OneRuleModel(
                root.GetProperty("feature").GetInt32(),
                root.GetProperty("featureName").GetString()!,
                root.GetProperty("cuts").EnumerateArray().Select(e => e.GetSingle()).ToArray(),
                root.GetProperty("probabilities").EnumerateArray().Select(e => e.GetSingle()).ToArray());
        }

        internal static int BinOf(float value, float[] cuts)
        {
            if (float.IsNaN(value))
            {
                return cuts.Length + 1;
            }

            var bin = 0;
            while (bin < cuts.Length && value > cuts[bin])
            {
                bin++;
            }

            return bin;
        }
    }
}
