namespace EAmazing.Models.Business;

/// <summary>The lab's settings every business model takes, plus the model's own <see cref="ModelParameter"/> values.</summary>
public sealed record TrainingSettings
{
    /// <summary>Families to compare (null: every family the model offers).</summary>
    public IReadOnlyList<string>? Families { get; init; }

    public int TrialsPerFamily { get; init; } = 3;

    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(5);

    public ulong Seed { get; init; } = 46;

    /// <summary>Folder of a generated dataset's ground truth, for the oracle (optional; real data has none).</summary>
    public string? TruthFolder { get; init; }

    /// <summary>Values of the model's own parameters by name; a missing one takes its default.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string Parameter(ModelParameter parameter) => Parameters.GetValueOrDefault(parameter.Name) ?? parameter.Default;
}
