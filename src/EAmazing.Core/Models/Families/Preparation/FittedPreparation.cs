using System.Text.Json;
using EAmazing.Models.Data;

namespace EAmazing.Models.Families.Preparation;

/// <summary>A <see cref="FeaturePreparation"/> fitted on a training window: turns raw rows into the learner's rows.</summary>
public sealed class FittedPreparation(FeaturePreparation declared, IReadOnlyList<PreparedColumn> columns)
{
    public const string FileName = "preparation.json";

    public FeaturePreparation Declared { get; } = declared;

    public IReadOnlyList<PreparedColumn> Columns { get; } = columns;

    /// <summary>The learner's feature names: each input, then one <c>NAME_missing</c> per indicator.</summary>
    public IReadOnlyList<string> OutputNames { get; } =
        [.. columns.Select(c => c.Feature), .. columns.Where(c => c.MissingIndicator).Select(c => c.Feature + "_missing")];

    /// <summary>What was done, feature by feature, for the card.</summary>
    public IReadOnlyList<string> Steps =>
        Declared.IsRaw
            ? [Declared.ToString()]
            : [Declared.ToString(),
               .. Columns.Where(c => c.Log1p).Select(c => $"log1p: {c.Feature}"),
               .. Columns.Where(c => c.MissingIndicator).Select(c => $"missing indicator: {c.Feature}")];

    public float[] Transform(float[] row)
    {
        var output = new float[OutputNames.Count];
        var indicator = Columns.Count;
        for (var f = 0; f < Columns.Count; f++)
        {
            output[f] = Columns[f].Transform(row[f]);
            if (Columns[f].MissingIndicator)
            {
                output[indicator++] = float.IsNaN(row[f]) ? 1f : 0f;
            }
        }

        return output;
    }

    public IReadOnlyList<float[]> Transform(IReadOnlyList<float[]> rows) => rows.Select(Transform).ToArray();

    public TabularDataset Transform(TabularDataset data) => new(OutputNames, Transform(data.Features), data.Labels, data.AsOf);

    public void Save(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(new Stored(Declared, [.. Columns])));

    /// <summary>Reads what <see cref="Save"/> wrote, or null when the folder has none (a raw-valued family).</summary>
    public static FittedPreparation? TryRead(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");
        return new FittedPreparation(stored.Declared, stored.Columns);
    }

    private sealed record Stored(FeaturePreparation Declared, List<PreparedColumn> Columns);
}
