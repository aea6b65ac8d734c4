using EAmazing.BusinessModels.Recommendation.Neural;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation.Neural;

public sealed class Gru4RecGradientTests
{
    private const int Items = 7;
    private const int Embedding = 3;
    private const int Hidden = 4;

    [Fact]
    public void Backpropagation_matches_finite_differences_for_every_parameter_group()
    {
        // Given a tiny network and one step with a carried hidden state, dropout, the logQ correction,
        // a sampled column equal to another row's target and one equal to a row's own target (masked)
        var network = new Gru4RecNetwork(Items, Embedding, Hidden, seed: 3);
        for (var i = 0; i < network.GateBias.Length; i++)
        {
            network.GateBias[i] = 0.05f * (i % 5);
        }

        for (var j = 0; j < Items; j++)
        {
            network.OutputBias[j] = 0.1f * j;
        }

        var step = new Gru4RecStep(Hidden, maxRows: 3, maxColumns: 7) { Rows = 3, Columns = 7 };
        int[] inputs = [0, 2, 5];
        int[] columns = [1, 3, 6, 4, 3, 1, 0];
        inputs.CopyTo(step.Inputs, 0);
        columns.CopyTo(step.ColumnItems, 0);
        for (var c = 0; c < columns.Length; c++)
        {
            step.ColumnCorrection[c] = -0.3f * (c % 3);
        }

        for (var i = 0; i < 3 * Hidden; i++)
        {
            step.PreviousHidden[i] = (float)Math.Sin(i + 1) * 0.8f;
            step.DropoutScale[i] = i % 5 == 2 ? 0f : 1.25f;
        }

        // When the analytic gradient of the mean loss is computed
        var gradients = new Gru4RecGradients(network, 3, 7);
        network.Backpropagate(step, gradients);

        // Then each parameter's gradient equals the central difference of the loss
        double Loss()
        {
            var sink = new Gru4RecGradients(network, 3, 7);
            return network.Backpropagate(step, sink) / step.Rows;
        }

        var nonZero = 0;
        var checkedCount = 0;
        void Check(string group, float[] parameters, Func<int, float> analytic)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                // Single precision: a step of 1e-2 keeps rounding (~1e-7/h) and truncation (~h²) errors below 1e-4.
                const float h = 1e-2f;
                var original = parameters[i];
                parameters[i] = original + h;
                var plus = Loss();
                parameters[i] = original - h;
                var minus = Loss();
                parameters[i] = original;
                var numeric = (plus - minus) / (2 * h);
                var a = analytic(i);
                Assert.True(Math.Abs(numeric - a) <= 2e-4 + (2e-2 * Math.Abs(numeric)), $"{group}[{i}]: analytic {a}, numeric {numeric}");
                nonZero += Math.Abs(a) > 1e-4 ? 1 : 0;
                checkedCount++;
            }
        }

        Check("input embedding", network.InputEmbedding, i => Row(gradients.InputEmbedding, i / Embedding, i % Embedding));
        Check("input weights", network.InputWeights, i => gradients.InputWeights[i]);
        Check("recurrent weights", network.RecurrentWeights, i => gradients.RecurrentWeights[i]);
        Check("gate bias", network.GateBias, i => gradients.GateBias[i]);
        Check("output embedding", network.OutputEmbedding, i => Row(gradients.Output, i / Hidden, i % Hidden));
        Check("output bias", network.OutputBias, i => Row(gradients.Output, i, Hidden));

        Assert.Equal(network.ParameterCount, checkedCount);
        // Most gradients are far from zero, so the comparison is not vacuous (the unused items' rows are zero).
        Assert.True(nonZero > checkedCount / 2, $"only {nonZero} of {checkedCount} gradients are non-zero");
    }

    [Fact]
    public void Only_the_rows_a_step_reads_get_an_embedding_gradient()
    {
        var network = new Gru4RecNetwork(Items, Embedding, Hidden, seed: 3);
        var step = new Gru4RecStep(Hidden, 2, 3) { Rows = 2, Columns = 3 };
        step.Inputs[0] = 0;
        step.Inputs[1] = 0;
        int[] columns = [1, 2, 5];
        columns.CopyTo(step.ColumnItems, 0);
        var gradients = new Gru4RecGradients(network, 2, 3);

        network.Backpropagate(step, gradients);

        Assert.Equal([0], gradients.InputEmbedding.Items.ToArray());
        Assert.Equal(columns, gradients.Output.Items.ToArray());
    }

    private static float Row(SparseRowGradient gradient, int item, int k)
    {
        var row = gradient.RowOf(item);
        return row.IsEmpty ? 0f : row[k];
    }
}
