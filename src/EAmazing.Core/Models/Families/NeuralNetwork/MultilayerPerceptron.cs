using System.Numerics.Tensors;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Models.Families.NeuralNetwork;

/// <summary>
/// A small fully connected network for tabular binary classification: standardised inputs, ReLU
/// hidden layers, a sigmoid output. The project's own because ML.NET has no tabular neural-network
/// trainer and TorchSharp's native library does not load on these machines; vector work goes through
/// <see cref="TensorPrimitives"/>. Doubles throughout so the gradient check is exact to 1e-7.
/// </summary>
public sealed class MultilayerPerceptron
{
    public MultilayerPerceptron(int inputs, IReadOnlyList<int> hidden, ulong seed)
    {
        LayerSizes = [inputs, .. hidden, 1];
        Weights = new double[LayerSizes.Length - 1][];
        Biases = new double[LayerSizes.Length - 1][];
        var rng = Xoshiro256.For(seed, 0x3E7);
        for (var l = 0; l < Weights.Length; l++)
        {
            var fanIn = LayerSizes[l];
            Weights[l] = new double[LayerSizes[l + 1] * fanIn];
            Biases[l] = new double[LayerSizes[l + 1]];
            // He initialisation suits ReLU layers.
            var scale = Math.Sqrt(2.0 / fanIn);
            for (var i = 0; i < Weights[l].Length; i++)
            {
                Weights[l][i] = rng.NextGaussian() * scale;
            }
        }

        FeatureMean = new double[inputs];
        FeatureScale = Enumerable.Repeat(1.0, inputs).ToArray();
    }

    /// <summary>Input, hidden and output sizes.</summary>
    public int[] LayerSizes { get; }

    /// <summary>Per layer, a row-major (outputs × inputs) matrix.</summary>
    public double[][] Weights { get; }

    public double[][] Biases { get; }

    public double[] FeatureMean { get; }

    public double[] FeatureScale { get; }

    public int InputCount => LayerSizes[0];

    public int ParameterCount => Weights.Sum(w => w.Length) + Biases.Sum(b => b.Length);

    /// <summary>Learns the standardisation from training rows only.</summary>
    public void FitStandardisation(IReadOnlyList<float[]> rows)
    {
        for (var j = 0; j < InputCount; j++)
        {
            var mean = rows.Average(r => (double)r[j]);
            var variance = rows.Average(r => Math.Pow(r[j] - mean, 2));
            FeatureMean[j] = mean;
            FeatureScale[j] = variance > 1e-12 ? 1 / Math.Sqrt(variance) : 1;
        }
    }

    public double PredictProbability(ReadOnlySpan<float> features)
    {
        var workspace = new MlpWorkspace(this);
        return Forward(features, workspace);
    }

    /// <summary>Probabilities for many rows, reusing one workspace (no allocation per row).</summary>
    public double[] PredictProbabilities(IReadOnlyList<float[]> rows)
    {
        var workspace = new MlpWorkspace(this);
        var result = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = Forward(rows[i], workspace);
        }

        return result;
    }

    /// <summary>Fills the workspace's activations (index 0 = standardised input) and returns the probability.</summary>
    internal double Forward(ReadOnlySpan<float> features, MlpWorkspace workspace)
    {
        var activations = workspace.Activations;
        var input = activations[0];
        for (var j = 0; j < InputCount; j++)
        {
            input[j] = (features[j] - FeatureMean[j]) * FeatureScale[j];
        }

        for (var l = 0; l < Weights.Length; l++)
        {
            var inputs = LayerSizes[l];
            var outputs = activations[l + 1];
            for (var o = 0; o < outputs.Length; o++)
            {
                var z = TensorPrimitives.Dot<double>(Weights[l].AsSpan(o * inputs, inputs), activations[l]) + Biases[l][o];
                outputs[o] = l == Weights.Length - 1 ? Sigmoid(z) : Math.Max(0, z);
            }
        }

        return activations[^1][0];
    }

    /// <summary>
    /// Adds the gradient of the (weighted) binary cross-entropy of one example to the accumulators and
    /// returns its loss.
    /// </summary>
    internal double Backpropagate(ReadOnlySpan<float> features, bool label, double weight, double[][] weightGradients, double[][] biasGradients) =>
        Backpropagate(features, label, weight, weightGradients, biasGradients, new MlpWorkspace(this));

    internal double Backpropagate(ReadOnlySpan<float> features, bool label, double weight, double[][] weightGradients, double[][] biasGradients, MlpWorkspace workspace)
    {
        var p = Forward(features, workspace);
        var activations = workspace.Activations;
        var y = label ? 1.0 : 0.0;
        // d(BCE)/dz for a sigmoid output is p - y.
        var delta = workspace.Deltas[^1];
        delta[0] = weight * (p - y);
        for (var l = Weights.Length - 1; l >= 0; l--)
        {
            var inputs = LayerSizes[l];
            var previous = activations[l];
            var nextDelta = workspace.Deltas[l];
            Array.Clear(nextDelta);
            for (var o = 0; o < delta.Length; o++)
            {
                if (delta[o] == 0)
                {
                    continue;
                }

                TensorPrimitives.MultiplyAdd<double>(previous, delta[o], weightGradients[l].AsSpan(o * inputs, inputs), weightGradients[l].AsSpan(o * inputs, inputs));
                biasGradients[l][o] += delta[o];
                if (l > 0)
                {
                    TensorPrimitives.MultiplyAdd<double>(Weights[l].AsSpan(o * inputs, inputs), delta[o], nextDelta, nextDelta);
                }
            }

            if (l > 0)
            {
                for (var i = 0; i < inputs; i++)
                {
                    if (previous[i] <= 0)
                    {
                        nextDelta[i] = 0; // ReLU passes gradient only where it was active
                    }
                }
            }

            delta = nextDelta;
        }

        var clamped = Math.Clamp(label ? p : 1 - p, 1e-15, 1);
        return -weight * Math.Log(clamped);
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
