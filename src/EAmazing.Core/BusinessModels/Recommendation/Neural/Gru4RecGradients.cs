namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>One training step's gradient: dense for the GRU's matrices, by touched row for the two item embeddings.</summary>
public sealed class Gru4RecGradients
{
    public Gru4RecGradients(Gru4RecNetwork network, int maxRows, int maxColumns)
    {
        InputWeights = new float[network.InputWeights.Length];
        RecurrentWeights = new float[network.RecurrentWeights.Length];
        GateBias = new float[network.GateBias.Length];
        InputEmbedding = new SparseRowGradient(network.ItemCount, network.EmbeddingSize, maxRows);
        // The output bias rides as the last column of each output row: both belong to the same item.
        Output = new SparseRowGradient(network.ItemCount, network.HiddenSize + 1, maxColumns);
    }

    public float[] InputWeights { get; }

    public float[] RecurrentWeights { get; }

    public float[] GateBias { get; }

    public SparseRowGradient InputEmbedding { get; }

    /// <summary>Per touched item: the output-embedding gradient (HiddenSize entries), then the output bias's.</summary>
    public SparseRowGradient Output { get; }

    public void Clear()
    {
        Array.Clear(InputWeights);
        Array.Clear(RecurrentWeights);
        Array.Clear(GateBias);
        InputEmbedding.Clear();
        Output.Clear();
    }
}
