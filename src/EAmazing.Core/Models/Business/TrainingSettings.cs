namespace EAmazing.Models.Business;

/// <summary>
/// The lab's settings every business model takes (section <c>EAmazing:Training</c>, then <c>train</c>'s options),
/// plus the model's own <see cref="ModelParameter"/> values.
/// </summary>
public sealed record TrainingSettings
{
    public const string SectionName = "EAmazing:Training";

    /// <summary>Families to compare (null: every family the model offers).</summary>
    public IReadOnlyList<string>? Families { get; init; }

    public int TrialsPerFamily { get; init; } = 3;

    /// <summary>Optional wall-clock cap on the search (null: none, the run is reproducible); the card records a capped run as not reproducible.</summary>
    public TimeSpan? Budget { get; init; }

    public ulong Seed { get; init; } = 46;

    /// <summary>Days of the validation window, after the training days (candidates are chosen on it).</summary>
    public int ValidationDays { get; init; } = 7;

    /// <summary>Days of the test window, the last of the data (touched once per family).</summary>
    public int TestDays { get; init; } = 7;

    /// <summary>Folder of a generated dataset's ground truth, for the oracle (optional; real data has none).</summary>
    public string? TruthFolder { get; init; }

    /// <summary>Values of the model's own parameters by name; a missing one takes its default.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string Parameter(ModelParameter parameter) => Parameters.GetValueOrDefault(parameter.Name) ?? parameter.Default;
}
