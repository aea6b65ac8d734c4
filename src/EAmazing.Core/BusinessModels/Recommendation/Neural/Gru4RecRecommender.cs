using EAmazing.Foundation.Files;

namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// The GRU4Rec-style network as a next-item method: <see cref="Fit"/> trains it session-parallel, scoring runs the
/// session prefix through the GRU once and then takes dot products with the output embedding, either for the whole
/// catalogue (evaluation) or for a candidate list (serving's rerank, which costs candidates × hidden instead of
/// catalogue × hidden). Scoring only reads the weights, so concurrent calls are safe once fitted.
/// </summary>
public sealed class Gru4RecRecommender(Gru4RecOptions options) : ISessionRecommender
{
    private Gru4RecNetwork? _network;

    public Gru4RecRecommender()
        : this(new Gru4RecOptions())
    {
    }

    private Gru4RecRecommender(Gru4RecOptions options, Gru4RecNetwork network)
        : this(options)
    {
        _network = network;
    }

    public string Name => "gru4rec";

    public Gru4RecOptions Options { get; } = options;

    /// <summary>The trained network; throws before <see cref="Fit"/> or <see cref="Load(Stream, Gru4RecOptions?)"/>.</summary>
    public Gru4RecNetwork Network => _network ?? throw new InvalidOperationException("The GRU4Rec recommender has not been fitted or loaded.");

    /// <summary>Loss and speed per epoch of the last <see cref="Fit"/>; empty for a loaded model.</summary>
    public IReadOnlyList<Gru4RecEpoch> History { get; private set; } = [];

    public void Fit(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken = default)
    {
        var (network, history) = Gru4RecTrainer.Train(training, itemCount, Options, cancellationToken);
        _network = network;
        History = history;
    }

    public void ScoreAll(SessionSequence prefix, Span<float> scores)
    {
        var network = Network;
        if (scores.Length != network.ItemCount)
        {
            throw new ArgumentException($"Expected {network.ItemCount} scores (one per catalogue item), got room for {scores.Length}.", nameof(scores));
        }

        network.ScoreAll(Hidden(network, prefix), scores);
    }

    public void ScoreCandidates(SessionSequence prefix, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        if (scores.Length < candidates.Length)
        {
            throw new ArgumentException($"Room for {scores.Length} scores, but {candidates.Length} candidates.", nameof(scores));
        }

        var network = Network;
        network.ScoreCandidates(Hidden(network, prefix), candidates, scores);
    }

    /// <summary>Writes the weights (<see cref="Gru4RecModelFile"/> format); training options are not part of the file.</summary>
    public void Save(Stream stream) => Gru4RecModelFile.Write(Network, stream);

    /// <summary>Saves to <paramref name="path"/> atomically: a reader sees the whole previous file or the whole new one.</summary>
    public void Save(string path)
    {
        using var file = new AtomicFile(path);
        Save(file.Stream);
        file.Commit();
    }

    /// <summary>A fitted recommender from <see cref="Save(Stream)"/>'s bytes; <paramref name="options"/> only matter for a later <see cref="Fit"/>.</summary>
    public static Gru4RecRecommender Load(Stream stream, Gru4RecOptions? options = null)
    {
        var network = Gru4RecModelFile.Read(stream);
        return new Gru4RecRecommender(options ?? new Gru4RecOptions { EmbeddingSize = network.EmbeddingSize, HiddenSize = network.HiddenSize }, network);
    }

    public static Gru4RecRecommender Load(string path, Gru4RecOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream, options);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static float[] Hidden(Gru4RecNetwork network, SessionSequence prefix)
    {
        var hidden = new float[network.HiddenSize];
        network.Encode(prefix.Items, hidden);
        return hidden;
    }
}
