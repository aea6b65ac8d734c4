using EAmazing.Foundation.Statistics;
using EAmazing.Models.Families.NeuralNetwork;

namespace EAmazing.Core.Tests.Models.Families;

public sealed class MultilayerPerceptronTests
{
    [Fact]
    public void Backpropagation_Matches_Finite_Differences_For_Every_Parameter()
    {
        // Given a small network with two hidden layers and a few examples
        var rng = new Random(5);
        var features = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 4).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray()).ToArray();
        var labels = features.Select((_, i) => i % 2 == 0).ToArray();
        var model = new MultilayerPerceptron(4, [5, 3], seed: 9);
        // Biases off zero, so no ReLU sits exactly on its kink.
        foreach (var b in model.Biases)
        {
            for (var i = 0; i < b.Length; i++)
            {
                b[i] = 0.1 * (i + 1);
            }
        }

        // When the analytic gradient is computed
        var gw = model.Weights.Select(w => new double[w.Length]).ToArray();
        var gb = model.Biases.Select(b => new double[b.Length]).ToArray();
        for (var i = 0; i < features.Length; i++)
        {
            model.Backpropagate(features[i], labels[i], weight: i == 0 ? 2.5 : 1.0, gw, gb);
        }

        // Then it equals the central finite difference of the total loss, parameter by parameter
        double Loss()
        {
            var total = 0.0;
            var sink = model.Weights.Select(w => new double[w.Length]).ToArray();
            var sinkB = model.Biases.Select(b => new double[b.Length]).ToArray();
            for (var i = 0; i < features.Length; i++)
            {
                total += model.Backpropagate(features[i], labels[i], i == 0 ? 2.5 : 1.0, sink, sinkB);
            }

            return total;
        }

        const double h = 1e-6;
        var checkedParameters = 0;
        foreach (var (parameters, gradient) in model.Weights.Zip(gw).Concat(model.Biases.Zip(gb)))
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var original = parameters[i];
                parameters[i] = original + h;
                var plus = Loss();
                parameters[i] = original - h;
                var minus = Loss();
                parameters[i] = original;
                var numeric = (plus - minus) / (2 * h);
                var relative = Math.Abs(numeric - gradient[i]) / Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(gradient[i]));
                Assert.True(relative < 1e-5 || Math.Abs(numeric - gradient[i]) < 1e-8, $"parameter {i}: analytic {gradient[i]}, numeric {numeric}");
                checkedParameters++;
            }
        }

        Assert.Equal(model.ParameterCount, checkedParameters);
    }

    [Fact]
    public void It_Learns_A_Non_Linear_Boundary_A_Linear_Model_Cannot()
    {
        // XOR-like data: the label is the sign of x*y, which no linear score separates.
        var (trainX, trainY) = Xor(4_000, seed: 1);
        var (validX, validY) = Xor(1_000, seed: 2);
        var (testX, testY) = Xor(1_000, seed: 3);

        var (model, history) = MlpTrainer.Train(trainX, trainY, validX, validY, new MlpOptions { HiddenLayers = [16, 8], LearningRate = 0.01, MaxEpochs = 40 });

        var auc = BinaryMetrics.RocAuc(testX.Select((x, i) => new ScoredExample((float)model.PredictProbability(x), testY[i])).ToArray());
        var linear = BinaryMetrics.RocAuc(testX.Select((x, i) => new ScoredExample(x[0] + x[1], testY[i])).ToArray());
        Assert.True(auc > 0.95, $"MLP test AUC {auc:0.000}");
        Assert.InRange(linear, 0.4, 0.6);
        Assert.True(history.Epochs.Count >= 2);
    }

    [Fact]
    public void Training_Is_Reproducible_With_A_Seed_And_Keeps_The_Best_Validation_Epoch()
    {
        var (x, y) = Xor(1_000, seed: 4);
        var (vx, vy) = Xor(300, seed: 5);
        var options = new MlpOptions { HiddenLayers = [8], MaxEpochs = 15, LearningRate = 0.01 };

        var (a, history) = MlpTrainer.Train(x, y, vx, vy, options);
        var (b, _) = MlpTrainer.Train(x, y, vx, vy, options);

        Assert.Equal(a.PredictProbability(x[0]), b.PredictProbability(x[0]));
        Assert.Equal(history.Epochs.Min(e => e.ValidationLoss), MlpTrainer.LogLoss(a, vx, vy), 9);
    }

    private static (float[][] X, bool[] Y) Xor(int n, int seed)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => new[] { (float)(rng.NextDouble() * 2 - 1), (float)(rng.NextDouble() * 2 - 1), (float)rng.NextDouble() }).ToArray();
        return (x, x.Select(v => v[0] * v[1] > 0).ToArray());
    }
}
