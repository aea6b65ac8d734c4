using System.Globalization;
using System.Text.Json;
using EAmazing.Foundation.Randomness;
using EAmazing.Models.Data;
using EAmazing.Models.Families.Preparation;

namespace EAmazing.Models.Families.NeuralNetwork;

/// <summary>The project's multi-layer perceptron as a lab family, on prepared inputs: missing indicators, log1p of heavy tails, standardised.</summary>
public sealed class MlpFamily : IModelFamily
{
    private static readonly string[] Architectures = ["32", "32-16", "64-32", "16"];
    private static readonly string[] Rates = ["0.0003", "0.001", "0.003"];
    private static readonly string[] Decays = ["0", "0.0001", "0.001"];

    public string Name => "mlp";

    public string Description => "Neural network (multi-layer perceptron, own implementation, Adam, early stopping)";

    public FeaturePreparation Preparation => FeaturePreparation.ForGradientLearners;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(int maxTrials, ulong seed)
    {
        var rng = Xoshiro256.For(seed, 0x31F);
        var list = new List<IReadOnlyDictionary<string, string>> { Make("32-16", "0.001", "0.0001") };
        for (var attempt = 0; list.Count < maxTrials && attempt < 200; attempt++)
        {
            var candidate = Make(Architectures[rng.NextInt(Architectures.Length)], Rates[rng.NextInt(Rates.Length)], Decays[rng.NextInt(Decays.Length)]);
            if (!list.Any(c => c.SequenceEqual(candidate)))
            {
                list.Add(candidate);
            }
        }

        return list;
    }

    public ITrainedModel Train(TabularDataset train, TabularDataset valid, IReadOnlyDictionary<string, string> hyperparameters, ulong seed)
    {
        var options = new MlpOptions
        {
            HiddenLayers = hyperparameters["hidden"].Split('-').Select(int.Parse).ToArray(),
            LearningRate = double.Parse(hyperparameters["rate"], CultureInfo.InvariantCulture),
            L2 = double.Parse(hyperparameters["l2"], CultureInfo.InvariantCulture),
            Seed = seed,
        };
        var (model, history) = MlpTrainer.Train(Impute(train.Features), train.Labels, Impute(valid.Features), valid.Labels, options);
        return new MlpModel(model, hyperparameters, history);
    }

    public ITrainedModel Load(string folder, string modelFile, int featureCount, IReadOnlyDictionary<string, string> hyperparameters) =>
        MlpModel.Read(Path.Combine(folder, modelFile), hyperparameters);

    private static Dictionary<string, string> Make(string hidden, string rate, string l2) => new() { ["hidden"] = hidden, ["rate"] = rate, ["l2"] = l2 };

    /// <summary>NaN cannot flow through a network. The lab's preparation already replaces it (with an indicator); this guards direct use.</summary>
    private static float[][] Impute(IReadOnlyList<float[]> rows) =>
        rows.Select(r => r.Select(v => float.IsNaN(v) ? 0f : v).ToArray()).ToArray();

    public sealed class MlpModel(MultilayerPerceptron network, IReadOnlyDictionary<string, string> hyperparameters, MlpTrainingHistory history) : ITrainedModel
    {
        public string Family => "mlp";

        public IReadOnlyDictionary<string, string> Hyperparameters { get; } = hyperparameters;

        public MultilayerPerceptron Network { get; } = network;

        public MlpTrainingHistory History { get; } = history;

        public float[] PredictProbabilities(IReadOnlyList<float[]> rows) =>
            Network.PredictProbabilities(Impute(rows)).Select(p => (float)p).ToArray();

        // The network only reads its weights and each call gets its own workspace, so concurrent calls are safe.
        public float PredictOne(float[] row) => PredictProbabilities([row])[0];

        public string Save(string directory)
        {
            File.WriteAllText(Path.Combine(directory, "mlp.json"), JsonSerializer.Serialize(new
            {
                layers = Network.LayerSizes,
                weights = Network.Weights,
                biases = Network.Biases,
                mean = Network.FeatureMean,
                scale = Network.FeatureScale,
            }));
            return "mlp.json";
        }

        /// <summary>Reads the file <see cref="Save"/> writes; the training history is not saved, so it comes back empty.</summary>
        internal static MlpModel Read(string path, IReadOnlyDictionary<string, string> hyperparameters)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var layers = root.GetProperty("layers").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var network = new MultilayerPerceptron(layers[0], layers[1..^1], 0);
            Fill(root.GetProperty("weights"), network.Weights);
            Fill(root.GetProperty("biases"), network.Biases);
            Copy(root.GetProperty("mean"), network.FeatureMean);
            Copy(root.GetProperty("scale"), network.FeatureScale);
            return new MlpModel(network, hyperparameters, new MlpTrainingHistory());
        }

        private static void Fill(JsonElement arrays, double[][] target)
        {
            var i = 0;
            foreach (var array in arrays.EnumerateArray())
            {
                Copy(array, target[i++]);
            }
        }

        private static void Copy(JsonElement array, double[] target)
        {
            var i = 0;
            foreach (var value in array.EnumerateArray())
            {
                target[i++] = value.GetDouble();
            }
        }
    }
}
