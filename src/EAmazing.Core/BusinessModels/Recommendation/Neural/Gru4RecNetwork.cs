using System.Numerics.Tensors;
using EAmazing.Foundation.Randomness;

namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// A GRU4Rec-style session network (Hidasi et al. 2016; Hidasi &amp; Czapp 2023): item → input embedding → one GRU
/// layer → hidden state h; the score of item j is h · O_j + b_j with a separate output embedding O (not tied to
/// the input one, so the two widths may differ). Written in the project because TorchSharp's native library is
/// not available on these machines and no maintained .NET package does session-based recommendation; forward and
/// backward passes are hand-derived and checked against finite differences, vector work goes through
/// <see cref="TensorPrimitives"/> (SIMD). Single precision, as GRU4Rec itself trains.
/// GRU (Cho et al. 2014): r = σ(W_r x + U_r h + b_r), z = σ(W_z x + U_z h + b_z),
/// n = tanh(W_n x + U_n (r ⊙ h) + b_n), h' = (1 − z) ⊙ h + z ⊙ n.
/// </summary>
public sealed class Gru4RecNetwork
{
    public Gru4RecNetwork(int itemCount, int embeddingSize, int hiddenSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        ItemCount = itemCount;
        EmbeddingSize = embeddingSize;
        HiddenSize = hiddenSize;
        InputEmbedding = new float[itemCount * embeddingSize];
        InputWeights = new float[3 * hiddenSize * embeddingSize];
        RecurrentWeights = new float[3 * hiddenSize * hiddenSize];
        GateBias = new float[3 * hiddenSize];
        OutputEmbedding = new float[itemCount * hiddenSize];
        OutputBias = new float[itemCount];
        var rng = Xoshiro256.For(seed, 0x6B0);
        // Glorot-uniform for the GRU's matrices; embeddings with unit expected row norm.
        Uniform(InputEmbedding, Math.Sqrt(3.0 / embeddingSize), ref rng);
        Uniform(InputWeights, Math.Sqrt(6.0 / (embeddingSize + hiddenSize)), ref rng);
        Uniform(RecurrentWeights, Math.Sqrt(6.0 / (2 * hiddenSize)), ref rng);
        Uniform(OutputEmbedding, Math.Sqrt(3.0 / hiddenSize), ref rng);
    }

    public int ItemCount { get; }

    public int EmbeddingSize { get; }

    public int HiddenSize { get; }

    /// <summary>ItemCount × EmbeddingSize, row-major.</summary>
    public float[] InputEmbedding { get; }

    /// <summary>3·HiddenSize × EmbeddingSize: the reset, update and candidate gates' input weights, in that order.</summary>
    public float[] InputWeights { get; }

    /// <summary>3·HiddenSize × HiddenSize: the gates' recurrent weights, same order.</summary>
    public float[] RecurrentWeights { get; }

    /// <summary>3·HiddenSize: the gates' biases, same order.</summary>
    public float[] GateBias { get; }

    /// <summary>ItemCount × HiddenSize, row-major: the output item embedding scores are dot products with.</summary>
    public float[] OutputEmbedding { get; }

    public float[] OutputBias { get; }

    public long ParameterCount =>
        (long)InputEmbedding.Length + InputWeights.Length + RecurrentWeights.Length + GateBias.Length + OutputEmbedding.Length + OutputBias.Length;

    /// <summary>The hidden state after reading <paramref name="items"/> from an empty session; items outside the catalogue are skipped.</summary>
    public void Encode(ReadOnlySpan<int> items, Span<float> hidden)
    {
        var h = HiddenSize;
        var scratch = new float[8 * h];
        var previous = scratch.AsSpan(0, h);
        var reset = scratch.AsSpan(h, h);
        var update = scratch.AsSpan(2 * h, h);
        var candidate = scratch.AsSpan(3 * h, h);
        var resetHidden = scratch.AsSpan(4 * h, h);
        var gates = scratch.AsSpan(5 * h, 3 * h);
        hidden[..h].Clear();
        foreach (var item in items)
        {
            if ((uint)item >= (uint)ItemCount)
            {
                continue;
            }

            hidden[..h].CopyTo(previous);
            Forward(item, previous, reset, update, candidate, resetHidden, gates, hidden[..h]);
        }
    }

    /// <summary>Writes h · O_j + b_j for every item j.</summary>
    public void ScoreAll(ReadOnlySpan<float> hidden, Span<float> scores)
    {
        var h = HiddenSize;
        var output = OutputEmbedding.AsSpan();
        for (var j = 0; j < ItemCount; j++)
        {
            scores[j] = TensorPrimitives.Dot(hidden, output.Slice(j * h, h)) + OutputBias[j];
        }
    }

    /// <summary>Writes h · O_j + b_j for the candidate items only; a candidate outside the catalogue gets −∞.</summary>
    public void ScoreCandidates(ReadOnlySpan<float> hidden, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var h = HiddenSize;
        var output = OutputEmbedding.AsSpan();
        for (var c = 0; c < candidates.Length; c++)
        {
            var j = candidates[c];
            scores[c] = (uint)j < (uint)ItemCount ? TensorPrimitives.Dot(hidden, output.Slice(j * h, h)) + OutputBias[j] : float.NegativeInfinity;
        }
    }

    /// <summary>
    /// Forward and backward pass of one step: each row's cross-entropy of its target against all the step's columns
    /// (softmax over in-batch targets and sampled negatives, with log Q subtracted, a column holding the row's own
    /// target item elsewhere masked out), averaged over rows. Adds the gradient of that mean loss to
    /// <paramref name="gradients"/> and returns the summed (not averaged) loss. Backpropagation stops at the
    /// previous hidden state (truncation to one step), as in the official GRU4Rec: the state is carried between
    /// steps as data, not differentiated through.
    /// </summary>
    public double Backpropagate(Gru4RecStep step, Gru4RecGradients gradients)
    {
        var h = HiddenSize;
        var rows = step.Rows;
        var columns = step.Columns;
        if (rows < 1 || columns < rows)
        {
            throw new ArgumentException($"A step needs at least one row and a column per row (rows {rows}, columns {columns}).", nameof(step));
        }

        // Forward through the GRU, then apply dropout to what meets the output layer.
        for (var r = 0; r < rows; r++)
        {
            var slice = (r * h)..((r + 1) * h);
            Forward(step.Inputs[r], step.PreviousHidden.AsSpan(slice), step.ResetGate.AsSpan(slice), step.UpdateGate.AsSpan(slice),
                step.Candidate.AsSpan(slice), step.ResetHidden.AsSpan(slice), step.GateScratch, step.Hidden.AsSpan(slice));
            TensorPrimitives.Multiply(step.Hidden.AsSpan(slice), step.DropoutScale.AsSpan(slice), step.Output.AsSpan(slice));
        }

        var gathered = step.GatheredOutput.AsSpan(0, columns * h);
        for (var c = 0; c < columns; c++)
        {
            OutputEmbedding.AsSpan(step.ColumnItems[c] * h, h).CopyTo(gathered.Slice(c * h, h));
            step.GatheredBias[c] = OutputBias[step.ColumnItems[c]] - step.ColumnCorrection[c];
        }

        // Softmax cross-entropy per row; the logits become dLoss/dLogit in place.
        var loss = 0.0;
        var perRow = 1f / rows;
        for (var r = 0; r < rows; r++)
        {
            var output = step.Output.AsSpan(r * h, h);
            var logits = step.Logits.AsSpan(r * columns, columns);
            var target = step.ColumnItems[r];
            var max = float.NegativeInfinity;
            for (var c = 0; c < columns; c++)
            {
                var masked = c != r && step.ColumnItems[c] == target;
                logits[c] = masked ? float.NegativeInfinity : TensorPrimitives.Dot(output, gathered.Slice(c * h, h)) + step.GatheredBias[c];
                max = Math.Max(max, logits[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < columns; c++)
            {
                var e = MathF.Exp(logits[c] - max);
                logits[c] = e;
                sum += e;
            }

            var own = logits[r];
            loss -= Math.Log(own / sum);
            var scale = (float)(perRow / sum);
            TensorPrimitives.Multiply(logits, scale, logits);
            logits[r] -= perRow;
        }

        // Output layer: dOutput = Σ_c dLogit_c O_c per row; dO_c = Σ_r dLogit_rc output_r per column.
        var columnDelta = step.ColumnDelta.AsSpan(0, columns * (h + 1));
        columnDelta.Clear();
        for (var r = 0; r < rows; r++)
        {
            var output = step.Output.AsSpan(r * h, h);
            var delta = step.OutputDelta.AsSpan(r * h, h);
            delta.Clear();
            var logits = step.Logits.AsSpan(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                var g = logits[c];
                if (g == 0f)
                {
                    continue;
                }

                TensorPrimitives.MultiplyAdd(gathered.Slice(c * h, h), g, delta, delta);
                var column = columnDelta.Slice(c * (h + 1), h + 1);
                TensorPrimitives.MultiplyAdd(output, g, column[..h], column[..h]);
                column[h] += g;
            }
        }

        for (var c = 0; c < columns; c++)
        {
            var into = gradients.Output.Accumulate(step.ColumnItems[c]);
            TensorPrimitives.Add(into, columnDelta.Slice(c * (h + 1), h + 1), into);
        }

        // Back through dropout and the GRU to its weights and the input embedding.
        for (var r = 0; r < rows; r++)
        {
            var slice = (r * h)..((r + 1) * h);
            var delta = step.OutputDelta.AsSpan(slice);
            TensorPrimitives.Multiply(delta, step.DropoutScale.AsSpan(slice), delta);
            Backward(step.Inputs[r], step.PreviousHidden.AsSpan(slice), step.ResetGate.AsSpan(slice), step.UpdateGate.AsSpan(slice),
                step.Candidate.AsSpan(slice), step.ResetHidden.AsSpan(slice), delta, step.GateDelta, step.ResetHiddenDelta, gradients);
        }

        return loss;
    }

    private void Forward(int item, ReadOnlySpan<float> previous, Span<float> reset, Span<float> update, Span<float> candidate,
        Span<float> resetHidden, Span<float> gates, Span<float> hidden)
    {
        var h = HiddenSize;
        var d = EmbeddingSize;
        var x = InputEmbedding.AsSpan(item * d, d);
        var wx = InputWeights.AsSpan();
        var wh = RecurrentWeights.AsSpan();
        for (var g = 0; g < 3 * h; g++)
        {
            gates[g] = GateBias[g] + TensorPrimitives.Dot(wx.Slice(g * d, d), x);
        }

        for (var g = 0; g < 2 * h; g++)
        {
            gates[g] += TensorPrimitives.Dot(wh.Slice(g * h, h), previous);
        }

        TensorPrimitives.Sigmoid(gates[..h], reset);
        TensorPrimitives.Sigmoid(gates.Slice(h, h), update);
        TensorPrimitives.Multiply(reset, previous, resetHidden);
        for (var k = 0; k < h; k++)
        {
            gates[(2 * h) + k] += TensorPrimitives.Dot(wh.Slice(((2 * h) + k) * h, h), resetHidden);
        }

        TensorPrimitives.Tanh(gates.Slice(2 * h, h), candidate);
        // h' = h + z ⊙ (n − h)
        for (var k = 0; k < h; k++)
        {
            hidden[k] = previous[k] + (update[k] * (candidate[k] - previous[k]));
        }
    }

    private void Backward(int item, ReadOnlySpan<float> previous, ReadOnlySpan<float> reset, ReadOnlySpan<float> update,
        ReadOnlySpan<float> candidate, ReadOnlySpan<float> resetHidden, ReadOnlySpan<float> hiddenDelta, Span<float> gateDelta,
        Span<float> resetHiddenDelta, Gru4RecGradients gradients)
    {
        var h = HiddenSize;
        var d = EmbeddingSize;
        for (var k = 0; k < h; k++)
        {
            var n = candidate[k];
            var z = update[k];
            gateDelta[(2 * h) + k] = hiddenDelta[k] * z * (1 - (n * n));
            gateDelta[h + k] = hiddenDelta[k] * (n - previous[k]) * z * (1 - z);
        }

        var wh = RecurrentWeights.AsSpan();
        var dWh = gradients.RecurrentWeights.AsSpan();
        resetHiddenDelta.Clear();
        for (var k = 0; k < h; k++)
        {
            var g = gateDelta[(2 * h) + k];
            var row = ((2 * h) + k) * h;
            TensorPrimitives.MultiplyAdd(resetHidden, g, dWh.Slice(row, h), dWh.Slice(row, h));
            TensorPrimitives.MultiplyAdd(wh.Slice(row, h), g, resetHiddenDelta, resetHiddenDelta);
        }

        for (var k = 0; k < h; k++)
        {
            var r = reset[k];
            gateDelta[k] = resetHiddenDelta[k] * previous[k] * r * (1 - r);
        }

        for (var g = 0; g < 2 * h; g++)
        {
            TensorPrimitives.MultiplyAdd(previous, gateDelta[g], dWh.Slice(g * h, h), dWh.Slice(g * h, h));
        }

        var x = InputEmbedding.AsSpan(item * d, d);
        var wx = InputWeights.AsSpan();
        var dWx = gradients.InputWeights.AsSpan();
        var dx = gradients.InputEmbedding.Accumulate(item);
        TensorPrimitives.Add(gradients.GateBias, gateDelta, gradients.GateBias);
        for (var g = 0; g < 3 * h; g++)
        {
            var delta = gateDelta[g];
            TensorPrimitives.MultiplyAdd(x, delta, dWx.Slice(g * d, d), dWx.Slice(g * d, d));
            TensorPrimitives.MultiplyAdd(wx.Slice(g * d, d), delta, dx, dx);
        }
    }

    private static void Uniform(float[] values, double limit, ref Xoshiro256 rng)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((2 * rng.NextDouble()) - 1) * limit);
        }
    }
}
