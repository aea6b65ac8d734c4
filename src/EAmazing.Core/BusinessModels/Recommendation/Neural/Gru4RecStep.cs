namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// One session-parallel mini-batch step: per row (a session lane) the current item, the next item to predict and
/// the hidden state carried from the lane's previous step; the columns every row is scored against (first the
/// rows' own targets, i.e. the in-batch negatives, then the popularity-sampled ones). Also holds the forward
/// pass's intermediate values for the backward pass, so training allocates nothing per step.
/// </summary>
public sealed class Gru4RecStep
{
    public Gru4RecStep(int hiddenSize, int maxRows, int maxColumns)
    {
        if (maxColumns < maxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(maxColumns), "Every row's target is a column, so there are at least as many columns as rows.");
        }

        HiddenSize = hiddenSize;
        MaxRows = maxRows;
        MaxColumns = maxColumns;
        Inputs = new int[maxRows];
        ColumnItems = new int[maxColumns];
        ColumnCorrection = new float[maxColumns];
        PreviousHidden = new float[maxRows * hiddenSize];
        Hidden = new float[maxRows * hiddenSize];
        DropoutScale = new float[maxRows * hiddenSize];
        Array.Fill(DropoutScale, 1f);
        ResetGate = new float[maxRows * hiddenSize];
        UpdateGate = new float[maxRows * hiddenSize];
        Candidate = new float[maxRows * hiddenSize];
        ResetHidden = new float[maxRows * hiddenSize];
        Output = new float[maxRows * hiddenSize];
        OutputDelta = new float[maxRows * hiddenSize];
        Logits = new float[maxRows * maxColumns];
        GatheredOutput = new float[maxColumns * hiddenSize];
        GatheredBias = new float[maxColumns];
        ColumnDelta = new float[maxColumns * (hiddenSize + 1)];
        GateScratch = new float[3 * hiddenSize];
        GateDelta = new float[3 * hiddenSize];
        ResetHiddenDelta = new float[hiddenSize];
    }

    public int HiddenSize { get; }

    public int MaxRows { get; }

    public int MaxColumns { get; }

    /// <summary>Rows in use this step (lanes whose session still has a next item).</summary>
    public int Rows { get; set; }

    /// <summary>Columns in use: <see cref="Rows"/> targets, then the sampled negatives.</summary>
    public int Columns { get; set; }

    /// <summary>The item each row reads now.</summary>
    public int[] Inputs { get; }

    /// <summary>Items scored by every row; column r (r &lt; Rows) is row r's target.</summary>
    public int[] ColumnItems { get; }

    /// <summary>log Q of each column's item, subtracted from its logit (zero without the logQ correction).</summary>
    public float[] ColumnCorrection { get; }

    /// <summary>Rows × HiddenSize: each lane's state before this step (zero at a session's start).</summary>
    public float[] PreviousHidden { get; }

    /// <summary>Rows × HiddenSize: each lane's state after this step (without dropout), carried to the next.</summary>
    public float[] Hidden { get; }

    /// <summary>Rows × HiddenSize: 0 for a dropped unit, 1/(1-p) for a kept one (inverted dropout); all 1 without dropout.</summary>
    public float[] DropoutScale { get; }

    internal float[] ResetGate { get; }

    internal float[] UpdateGate { get; }

    internal float[] Candidate { get; }

    internal float[] ResetHidden { get; }

    internal float[] Output { get; }

    internal float[] OutputDelta { get; }

    internal float[] Logits { get; }

    internal float[] GatheredOutput { get; }

    internal float[] GatheredBias { get; }

    internal float[] ColumnDelta { get; }

    internal float[] GateScratch { get; }

    internal float[] GateDelta { get; }

    internal float[] ResetHiddenDelta { get; }

    public int Target(int row) => ColumnItems[row];

    public Span<float> PreviousHiddenOf(int row) => PreviousHidden.AsSpan(row * HiddenSize, HiddenSize);

    public Span<float> HiddenOf(int row) => Hidden.AsSpan(row * HiddenSize, HiddenSize);
}
