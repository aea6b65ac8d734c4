using System.Diagnostics;
using EAmazing.Foundation.Randomness;

namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// Session-parallel mini-batch training (GRU4Rec): <see cref="Gru4RecOptions.BatchSize"/> lanes each walk one session
/// event by event; a lane whose session ends takes the next session and starts from a zero hidden state. Sessions
/// are taken in the order given (time order, as GRU4Rec does). Each step scores every lane's next item against the
/// step's in-batch targets plus popularity^α-sampled negatives. Single-threaded, so a seed fixes every weight.
/// </summary>
public static class Gru4RecTrainer
{
    public static (Gru4RecNetwork Network, IReadOnlyList<Gru4RecEpoch> History) Train(
        IReadOnlyList<SessionSequence> sessions, int itemCount, Gru4RecOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var usable = Usable(sessions, itemCount);
        var network = new Gru4RecNetwork(itemCount, options.EmbeddingSize, options.HiddenSize, options.Seed);
        var history = new List<Gru4RecEpoch>();
        if (usable.Length == 0)
        {
            return (network, history);
        }

        var popularity = Popularity(usable, sessions, itemCount);
        var sampler = new AliasTable(popularity.Select(p => Math.Pow(p, options.SampleAlpha)).ToArray());
        var correction = LogQ(popularity, options);
        var rows = options.BatchSize;
        var step = new Gru4RecStep(options.HiddenSize, rows, rows + options.NegativeSamples);
        var gradients = new Gru4RecGradients(network, rows, rows + options.NegativeSamples);
        var updater = new Gru4RecUpdater(network, options);
        var keep = 1 - options.Dropout;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var rng = Xoshiro256.For(options.Seed, 0x7A1, (ulong)epoch);
            var lanes = new Lanes(usable, sessions, rows, options.HiddenSize);
            var loss = 0.0;
            long events = 0;
            var steps = 0;
            while (lanes.Fill(step))
            {
                if (++steps % 256 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                step.Columns = step.Rows + options.NegativeSamples;
                for (var c = step.Rows; c < step.Columns; c++)
                {
                    step.ColumnItems[c] = sampler.Sample(ref rng);
                }

                for (var c = 0; c < step.Columns; c++)
                {
                    step.ColumnCorrection[c] = correction[step.ColumnItems[c]];
                }

                if (options.Dropout > 0)
                {
                    var scale = (float)(1 / keep);
                    var mask = step.DropoutScale.AsSpan(0, step.Rows * options.HiddenSize);
                    for (var i = 0; i < mask.Length; i++)
                    {
                        mask[i] = rng.NextDouble() < keep ? scale : 0f;
                    }
                }

                gradients.Clear();
                loss += network.Backpropagate(step, gradients);
                events += step.Rows;
                updater.Apply(gradients);
                lanes.Advance(step);
            }

            history.Add(new Gru4RecEpoch(epoch + 1, loss / Math.Max(1, events), events, clock.Elapsed.TotalSeconds));
        }

        return (network, history);
    }

    /// <summary>Indexes of sessions with at least one next item to predict; an item outside the catalogue is the caller's bug.</summary>
    private static int[] Usable(IReadOnlyList<SessionSequence> sessions, int itemCount)
    {
        var usable = new List<int>(sessions.Count);
        for (var s = 0; s < sessions.Count; s++)
        {
            var items = sessions[s].Items;
            for (var i = 0; i < items.Length; i++)
            {
                if ((uint)items[i] >= (uint)itemCount)
                {
                    throw new ArgumentException($"Training session {s}, event {i}: item {items[i]} is outside the catalogue 0..{itemCount - 1}.", nameof(sessions));
                }
            }

            if (items.Length >= 2)
            {
                usable.Add(s);
            }
        }

        return [.. usable];
    }

    /// <summary>How often each item is a target (the distribution in-batch negatives follow).</summary>
    private static double[] Popularity(int[] usable, IReadOnlyList<SessionSequence> sessions, int itemCount)
    {
        var counts = new double[itemCount];
        foreach (var s in usable)
        {
            var items = sessions[s].Items;
            for (var i = 1; i < items.Length; i++)
            {
                counts[items[i]]++;
            }
        }

        return counts;
    }

    /// <summary>
    /// log of the expected number of times an item is a column of a step: batch·P_target(j) from the in-batch targets
    /// plus samples·P_sample(j) from the sampler. Zero everywhere when the correction is off.
    /// </summary>
    private static float[] LogQ(double[] popularity, Gru4RecOptions options)
    {
        var q = new float[popularity.Length];
        if (!options.LogQCorrection)
        {
            return q;
        }

        var total = popularity.Sum();
        var totalSampled = popularity.Sum(p => Math.Pow(p, options.SampleAlpha));
        for (var j = 0; j < q.Length; j++)
        {
            var expected = (options.BatchSize * popularity[j] / total) + (options.NegativeSamples * Math.Pow(popularity[j], options.SampleAlpha) / totalSampled);
            q[j] = (float)Math.Log(Math.Max(expected, 1e-12));
        }

        return q;
    }

    /// <summary>The session lanes of a session-parallel mini-batch.</summary>
    private sealed class Lanes
    {
        private readonly int[] _usable;
        private readonly IReadOnlyList<SessionSequence> _sessions;
        private readonly int _hiddenSize;
        private readonly int[] _session;
        private readonly int[] _position;
        private readonly float[] _hidden;
        private readonly int[] _rowLane;
        private int _next;

        public Lanes(int[] usable, IReadOnlyList<SessionSequence> sessions, int width, int hiddenSize)
        {
            _usable = usable;
            _sessions = sessions;
            _hiddenSize = hiddenSize;
            _session = new int[width];
            _position = new int[width];
            _hidden = new float[width * hiddenSize];
            _rowLane = new int[width];
            for (var lane = 0; lane < width; lane++)
            {
                Start(lane);
            }
        }

        /// <summary>Writes the live lanes into the step's rows; false when every session is done.</summary>
        public bool Fill(Gru4RecStep step)
        {
            var rows = 0;
            for (var lane = 0; lane < _session.Length; lane++)
            {
                if (_session[lane] < 0)
                {
                    continue;
                }

                var items = _sessions[_session[lane]].Items;
                step.Inputs[rows] = items[_position[lane]];
                step.ColumnItems[rows] = items[_position[lane] + 1];
                _hidden.AsSpan(lane * _hiddenSize, _hiddenSize).CopyTo(step.PreviousHiddenOf(rows));
                _rowLane[rows++] = lane;
            }

            step.Rows = rows;
            return rows > 0;
        }

        /// <summary>Carries each row's new state to its lane; a lane at its session's last event starts the next session.</summary>
        public void Advance(Gru4RecStep step)
        {
            for (var row = 0; row < step.Rows; row++)
            {
                var lane = _rowLane[row];
                step.HiddenOf(row).CopyTo(_hidden.AsSpan(lane * _hiddenSize, _hiddenSize));
                if (++_position[lane] + 1 >= _sessions[_session[lane]].Length)
                {
                    Start(lane);
                }
            }
        }

        private void Start(int lane)
        {
            _session[lane] = _next < _usable.Length ? _usable[_next++] : -1;
            _position[lane] = 0;
            _hidden.AsSpan(lane * _hiddenSize, _hiddenSize).Clear();
        }
    }
}
