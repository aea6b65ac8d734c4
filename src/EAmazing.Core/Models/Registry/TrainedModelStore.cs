using System.Text.Json;
using EAmazing.Models.Families;
using EAmazing.Models.Families.Baselines;
using EAmazing.Models.Families.MlNet;
using EAmazing.Models.Families.NeuralNetwork;

namespace EAmazing.Models.Registry;

/// <summary>Loads a registered model back from its version folder, whatever its family.</summary>
public static class TrainedModelStore
{
    public static ITrainedModel Load(string folder, ModelCard card)
    {
        var path = Path.Combine(folder, card.ModelFile);
        switch (card.Family)
        {
            case "prior":
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                return new PriorRateFamily.PriorRateModel(doc.RootElement.GetProperty("rate").GetSingle());
            }

            case "onerule":
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                var root = doc.RootElement;
                return new OneRuleFamily.OneRuleModel(
                    root.GetProperty("feature").GetInt32(),
                    root.GetProperty("featureName").GetString()!,
                    root.GetProperty("cuts").EnumerateArray().Select(e => e.GetSingle()).ToArray(),
                    root.GetProperty("probabilities").EnumerateArray().Select(e => e.GetSingle()).ToArray());
            }

            case "mlp":
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                var root = doc.RootElement;
                var layers = root.GetProperty("layers").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                var network = new MultilayerPerceptron(layers[0], layers[1..^1], 0);
                Fill(root.GetProperty("weights"), network.Weights);
                Fill(root.GetProperty("biases"), network.Biases);
                Copy(root.GetProperty("mean"), network.FeatureMean);
                Copy(root.GetProperty("scale"), network.FeatureScale);
                return new MlpFamily.MlpModel(network, card.Hyperparameters, new MlpTrainingHistory());
            }

            default:
                return MlNetModel.Load(folder, card.Features.Count, card.Family, card.Hyperparameters);
        }
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
