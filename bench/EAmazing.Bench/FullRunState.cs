using System.Text.Json;
using EAmazing.Foundation.Files;

namespace EAmazing.Bench;

/// <summary>One finished stage of a full run, as recorded in the run's state file.</summary>
public sealed record FinishedStage(string Stage, StageMeasurement Measurement, string Note, IReadOnlyDictionary<string, long> DiskBytes);

/// <summary>
/// The stages a full run has finished, in <c>DATA/full-run.json</c>, rewritten atomically after each stage: a
/// run stopped at any point starts again after the last finished stage (every stage itself is idempotent, so
/// the one that was interrupted simply runs again). A stage recorded with a non-zero exit runs again too.
/// </summary>
public sealed class FullRunState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string path;

    private FullRunState(string path, List<FinishedStage> stages)
    {
        this.path = path;
        Stages = stages;
    }

    public List<FinishedStage> Stages { get; }

    public static FullRunState Load(string path) =>
        new(path, File.Exists(path) ? JsonSerializer.Deserialize<List<FinishedStage>>(File.ReadAllText(path)) ?? [] : []);

    public FinishedStage? Finished(string stage) => Stages.FirstOrDefault(s => s.Stage == stage);

    public void Record(FinishedStage stage)
    {
        Stages.RemoveAll(s => s.Stage == stage.Stage);
        Stages.Add(stage);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(Stages, Json));
    }
}
