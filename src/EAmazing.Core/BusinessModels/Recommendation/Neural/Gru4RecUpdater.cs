using System.Numerics.Tensors;

namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// Applies a step's gradient with Adagrad or momentum. The item embeddings are updated only on the rows the step
/// touched (lazy, as sparse embedding updates are in GRU4Rec): an untouched row keeps its weights and its state.
/// </summary>
public sealed class Gru4RecUpdater
{
    private const float AdagradEpsilon = 1e-6f;

    private readonly Gru4RecNetwork _network;
    private readonly Gru4RecOptimizer _optimizer;
    private readonly float _rate;
    private readonly float _momentum;
    private readonly float[] _inputWeights;
    private readonly float[] _recurrentWeights;
    private readonly float[] _gateBias;
    private readonly float[] _inputEmbedding;
    private readonly float[] _outputEmbedding;
    private readonly float[] _outputBias;
    private readonly float[] _scratch;

    public Gru4RecUpdater(Gru4RecNetwork network, Gru4RecOptions options)
    {
        _network = network;
        _optimizer = options.Optimizer;
        _rate = (float)options.LearningRate;
        _momentum = (float)options.Momentum;
        // Adagrad's sums of squared gradients, or momentum's velocities: one per weight.
        _inputWeights = new float[network.InputWeights.Length];
        _recurrentWeights = new float[network.RecurrentWeights.Length];
        _gateBias = new float[network.GateBias.Length];
        _inputEmbedding = new float[network.InputEmbedding.Length];
        _outputEmbedding = new float[network.OutputEmbedding.Length];
        _outputBias = new float[network.OutputBias.Length];
        _scratch = new float[Math.Max(network.InputWeights.Length, network.RecurrentWeights.Length)];
    }

    public void Apply(Gru4RecGradients gradients)
    {
        Update(_network.InputWeights, gradients.InputWeights, _inputWeights);
        Update(_network.RecurrentWeights, gradients.RecurrentWeights, _recurrentWeights);
        Update(_network.GateBias, gradients.GateBias, _gateBias);
        var d = _network.EmbeddingSize;
        var inputs = gradients.InputEmbedding;
        for (var slot = 0; slot < inputs.Count; slot++)
        {
            var row = inputs.Items[slot] * d;
            Update(_network.InputEmbedding.AsSpan(row, d), inputs.RowAt(slot), _inputEmbedding.AsSpan(row, d));
        }

        var h = _network.HiddenSize;
        var outputs = gradients.Output;
        for (var slot = 0; slot < outputs.Count; slot++)
        {
            var item = outputs.Items[slot];
            var gradient = outputs.RowAt(slot);
            Update(_network.OutputEmbedding.AsSpan(item * h, h), gradient[..h], _outputEmbedding.AsSpan(item * h, h));
            Update(_network.OutputBias.AsSpan(item, 1), gradient.Slice(h, 1), _outputBias.AsSpan(item, 1));
        }
    }

    private void Update(Span<float> weights, ReadOnlySpan<float> gradient, Span<float> state)
    {
        var scratch = _scratch.AsSpan(0, weights.Length);
        if (_optimizer == Gru4RecOptimizer.Adagrad)
        {
            // state += g²; w -= rate · g / (√state + ε)
            TensorPrimitives.MultiplyAdd(gradient, gradient, state, state);
            TensorPrimitives.Sqrt(state, scratch);
            TensorPrimitives.Add(scratch, AdagradEpsilon, scratch);
            TensorPrimitives.Divide(gradient, scratch, scratch);
            TensorPrimitives.MultiplyAdd(scratch, -_rate, weights, weights);
        }
        else
        {
            // v = μ v − rate · g; w += v
            TensorPrimitives.Multiply(state, _momentum, state);
            TensorPrimitives.MultiplyAdd(gradient, -_rate, state, state);
            TensorPrimitives.Add(weights, state, weights);
        }
    }
}
