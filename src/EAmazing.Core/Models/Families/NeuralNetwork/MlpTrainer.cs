using EAmazing.Foundation.Randomness;

namespace EAmazing.Models.Families.NeuralNetwork;

/// <summary>Mini-batch Adam with L2 decay and early stopping on the validation log-loss.</summary>
public static class MlpTrainer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double AdamEpsilon = 1e-8;

    public static (MultilayerPerceptron Model, MlpTrainingHistory History) Train(
        IReadOnlyList<float[]> trainFeatures,
        IReadOnlyList<bool> trainLabels,
        IReadOnlyList<float[]> validFeatures,
        IReadOnlyList<bool> validLabels,
        MlpOptions options,
        CancellationToken cancellationToken = default)
    {
        if (trainFeatures.Count == 0)
        {
            throw new ArgumentException("No training rows.", nameof(trainFeatures));
        }

        var model = new MultilayerPerceptron(trainFeatures[0].Length, options.HiddenLayers, options.Seed);
        model.FitStandardisation(trainFeatures);
        var positives = trainLabels.Count(l => l);
        var positiveWeight = options.BalanceClasses && positives > 0 ? (trainLabels.Count - positives) / (double)positives : 1.0;

        var gw = model.Weights.Select(w => new double[w.Length]).ToArray();
        var gb = model.Biases.Select(b => new double[b.Length]).ToArray();
        var mw = model.Weights.Select(w => new double[w.Length]).ToArray();
        var vw = model.Weights.Select(w => new double[w.Length]).ToArray();
        var mb = model.Biases.Select(b => new double[b.Length]).ToArray();
        var vb = model.Biases.Select(b => new double[b.Length]).ToArray();
        var order = Enumerable.Range(0, trainFeatures.Count).ToArray();
        var rng = Xoshiro256.For(options.Seed, 0x5EED);
        var history = new MlpTrainingHistory();
        var workspace = new MlpWorkspace(model);
        var best = Snapshot(model);
        var bestLoss = double.PositiveInfinity;
        var step = 0;
        var sinceBest = 0;

        for (var epoch = 0; epoch < options.MaxEpochs && sinceBest < options.Patience; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Shuffle(order, ref rng);
            var trainLoss = 0.0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(order.Length, start + options.BatchSize);
                Clear(gw);
                Clear(gb);
                double weightSum = 0;
                for (var i = start; i < end; i++)
                {
                    var label = trainLabels[order[i]];
                    var weight = label ? positiveWeight : 1.0;
                    weightSum += weight;
                    trainLoss += model.Backpropagate(trainFeatures[order[i]], label, weight, gw, gb, workspace);
                }

                step++;
                for (var l = 0; l < model.Weights.Length; l++)
                {
                    Adam(model.Weights[l], gw[l], mw[l], vw[l], weightSum, options.LearningRate, options.L2, step);
                    Adam(model.Biases[l], gb[l], mb[l], vb[l], weightSum, options.LearningRate, 0, step);
                }
            }

            var validLoss = LogLoss(model, validFeatures, validLabels);
            history.Epochs.Add(new MlpEpoch(epoch + 1, trainLoss / order.Length, validLoss));
            if (validLoss < bestLoss - 1e-6)
            {
                bestLoss = validLoss;
                best = Snapshot(model);
                sinceBest = 0;
            }
            else
            {
                sinceBest++;
            }
        }

        Restore(model, best);
        history.BestValidationLoss = bestLoss;
        return (model, history);
    }

    public static double LogLoss(MultilayerPerceptron model, IReadOnlyList<float[]> features, IReadOnlyList<bool> labels)
    {
        if (features.Count == 0)
        {
            return double.NaN;
        }

        var total = 0.0;
        var probabilities = model.PredictProbabilities(features);
        for (var i = 0; i < features.Count; i++)
        {
            var p = probabilities[i];
            total -= Math.Log(Math.Clamp(labels[i] ? p : 1 - p, 1e-15, 1));
        }

        return total / features.Count;
    }

    private static void Adam(double[] parameters, double[] gradient, double[] m, double[] v, double batchWeight, double rate, double l2, int step)
    {
        var correction1 = 1 - Math.Pow(Beta1, step);
        var correction2 = 1 - Math.Pow(Beta2, step);
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = (gradient[i] / batchWeight) + (l2 * parameters[i]);
            m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g);
            v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g * g);
            parameters[i] -= rate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + AdamEpsilon);
        }
    }

    private static void Shuffle(int[] order, ref Xoshiro256 rng)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static void Clear(double[][] arrays)
    {
        foreach (var a in arrays)
        {
            Array.Clear(a);
        }
    }

    private static (double[][] W, double[][] B) Snapshot(MultilayerPerceptron model) =>
        (model.Weights.Select(w => (double[])w.Clone()).ToArray(), model.Biases.Select(b => (double[])b.Clone()).ToArray());

    private static void Restore(MultilayerPerceptron model, (double[][] W, double[][] B) snapshot)
    {
        for (var l = 0; l < model.Weights.Length; l++)
        {
            snapshot.W[l].CopyTo(model.Weights[l], 0);
            snapshot.B[l].CopyTo(model.Biases[l], 0);
        }
    }
}

/// <summary>Loss per epoch, for the report's learning curve.</summary>
public sealed class MlpTrainingHistory
{
    public List<MlpEpoch> Epochs { get; } = [];

    public double BestValidationLoss { get; set; }
}

public sealed record MlpEpoch(int Epoch, double TrainLoss, double ValidationLoss);
