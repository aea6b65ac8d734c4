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
        InputWeights = new float[embeddingSize * 3 * hiddenSize];
        RecurrentWeights = new float[hiddenSize * 3 * hiddenSize];
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

    /// <summary>
    /// EmbeddingSize × 3·HiddenSize: per input unit, its weights into the reset, update and candidate gates, in that
    /// order. Input-major (the transpose of the usual layout) so every matrix product is a few long vector operations.
    /// </summary>
    public float[] InputWeights { get; }

    /// <summary>HiddenSize × 3·HiddenSize: per previous-state unit, its weights into the three gates, same order and layout.</summary>
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

        // The step's output rows, gathered transposed (HiddenSize × columns) so each product below is a long vector operation.
        var gathered = step.GatheredOutput.AsSpan(0, columns * h);
        var bias = step.GatheredBias.AsSpan(0, columns);
        for (var c = 0; c < columns; c++)
        {
            var item = step.ColumnItems[c];
            var row = OutputEmbedding.AsSpan(item * h, h);
            for (var k = 0; k < h; k++)
            {
                gathered[(k * columns) + c] = row[k];
            }

            bias[c] = OutputBias[item] - step.ColumnCorrection[c];
        }

        // Softmax cross-entropy per row; the logits become dLoss/dLogit in place.
        var loss = 0.0;
        var perRow = 1f / rows;
        for (var r = 0; r < rows; r++)
        {
            var output = step.Output.AsSpan(r * h, h);
            var logits = step.Logits.AsSpan(r * columns, columns);
            bias.CopyTo(logits);
            for (var k = 0; k < h; k++)
            {
                TensorPrimitives.MultiplyAdd(gathered.Slice(k * columns, columns), output[k], logits, logits);
            }

            // Another column holding this row's own target is not a negative for it (an "accidental hit").
            var target = step.ColumnItems[r];
            for (var c = 0; c < columns; c++)
            {
                if (c != r && step.ColumnItems[c] == target)
                {
                    logits[c] = float.NegativeInfinity;
                }
            }

            var max = TensorPrimitives.Max(logits);
            TensorPrimitives.Subtract(logits, max, logits);
            TensorPrimitives.Exp(logits, logits);
            double sum = TensorPrimitives.Sum(logits);
            loss -= Math.Log(logits[r] / sum);
            TensorPrimitives.Multiply(logits, (float)(perRow / sum), logits);
            logits[r] -= perRow;
        }

        // Output layer: dOutput_r[k] = Σ_c dLogit_rc O_c[k]; dO_c[k] = Σ_r dLogit_rc output_r[k] (kept transposed too).
        var columnDelta = step.ColumnDelta.AsSpan(0, columns * (h + 1));
        columnDelta.Clear();
        var biasDelta = columnDelta.Slice(h * columns, columns);
        for (var r = 0; r < rows; r++)
        {
            var output = step.Output.AsSpan(r * h, h);
            var delta = step.OutputDelta.AsSpan(r * h, h);
            var logits = step.Logits.AsSpan(r * columns, columns);
            for (var k = 0; k < h; k++)
            {
                delta[k] = TensorPrimitives.Dot(logits, gathered.Slice(k * columns, columns));
                var column = columnDelta.Slice(k * columns, columns);
                TensorPrimitives.MultiplyAdd(logits, output[k], column, column);
            }

            TensorPrimitives.Add(biasDelta, logits, biasDelta);
        }

        for (var c = 0; c < columns; c++)
        {
            var into = gradients.Output.Accumulate(step.ColumnItems[c]);
            for (var k = 0; k <= h; k++)
            {
                into[k] += columnDelta[(k * columns) + c];
            }
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
        GateBias.CopyTo(gates);
        for (var k = 0; k < d; k++)
        {
            TensorPrimitives.MultiplyAdd(wx.Slice(k * 3 * h, 3 * h), x[k], gates, gates);
        }

        var resetAndUpdate = gates[..(2 * h)];
        for (var k = 0; k < h; k++)
        {
            TensorPrimitives.MultiplyAdd(wh.Slice(k * 3 * h, 2 * h), previous[k], resetAndUpdate, resetAndUpdate);
        }

        TensorPrimitives.Sigmoid(gates[..h], reset);
        TensorPrimitives.Sigmoid(gates.Slice(h, h), update);
        TensorPrimitives.Multiply(reset, previous, resetHidden);
        var candidateGate = gates.Slice(2 * h, h);
        for (var k = 0; k < h; k++)
        {
            TensorPrimitives.MultiplyAdd(wh.Slice((k * 3 * h) + (2 * h), h), resetHidden[k], candidateGate, candidateGate);
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
        var candidateDelta = gateDelta.Slice(2 * h, h);
        for (var k = 0; k < h; k++)
        {
            var row = (k * 3 * h) + (2 * h);
            resetHiddenDelta[k] = TensorPrimitives.Dot(wh.Slice(row, h), candidateDelta);
            TensorPrimitives.MultiplyAdd(candidateDelta, resetHidden[k], dWh.Slice(row, h), dWh.Slice(row, h));
        }

        for (var k = 0; k < h; k++)
        {
            var r = reset[k];
            gateDelta[k] = resetHiddenDelta[k] * previous[k] * r * (1 - r);
        }

        var resetAndUpdateDelta = gateDelta[..(2 * h)];
        for (var k = 0; k < h; k++)
        {
            var row = dWh.Slice(k * 3 * h, 2 * h);
            TensorPrimitives.MultiplyAdd(resetAndUpdateDelta, previous[k], row, row);
        }

        var x = InputEmbedding.AsSpan(item * d, d);
        var wx = InputWeights.AsSpan();
        var dWx = gradients.InputWeights.AsSpan();
        var dx = gradients.InputEmbedding.Accumulate(item);
        TensorPrimitives.Add(gradients.GateBias, gateDelta, gradients.GateBias);
        for (var k = 0; k < d; k++)
        {
            var row = k * 3 * h;
            dx[k] += TensorPrimitives.Dot(wx.Slice(row, 3 * h), gateDelta);
            TensorPrimitives.MultiplyAdd(gateDelta, x[k], dWx.Slice(row, 3 * h), dWx.Slice(row, 3 * h));
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
