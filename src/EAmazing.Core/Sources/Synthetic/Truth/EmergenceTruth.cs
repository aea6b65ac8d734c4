using System.Text.Json;
using EAmazing.Foundation.Files;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Sources.Synthetic.Truth;

/// <summary>
/// <c>truth/emergences.json</c>: every category whose demand the seed made grow, shrink or launch, and how many
/// categories were left stable, so that an emerging-category detector's recall, precision, detection delay and
/// false-alarm rate can be measured against it.
/// </summary>
public sealed record EmergenceTruth(DateOnly WindowStart, DateOnly WindowEnd, int CategoryCount, IReadOnlyList<PlantedEmergence> Planted)
{
    public const int FormatVersion = 1;

    public int Version { get; init; } = FormatVersion;

    public IEnumerable<PlantedEmergence> OfKind(EmergenceKind kind) => Planted.Where(p => p.Kind == kind);

    public static EmergenceTruth Of(SyntheticWorld world) => new(
        world.Window.Start,
        world.Window.Start.AddDays(world.Window.DayCount - 1),
        world.Catalog.Categories.Count,
        world.Emergences.Select(e => new PlantedEmergence(
            e.Kind, e.CategoryId, e.Code, e.Code.Length > 0 ? e.Code.Split('.')[0] : "unknown", world.Window.Start.AddDays(e.OnsetDay), Math.Round(e.MonthlyGrowth, 4), e.RampDays)).ToList());

    public void Write(string truthFolder)
    {
        Directory.CreateDirectory(truthFolder);
        using var file = new AtomicFile(Path.Combine(truthFolder, TruthFiles.Emergences));
        JsonSerializer.Serialize(file.Stream, this, TruthWriter.JsonOptions);
        file.Commit();
    }

    /// <exception cref="InvalidDataException">The file is missing a value or is not this format.</exception>
    public static EmergenceTruth Read(string truthFolder)
    {
        var path = Path.Combine(truthFolder, TruthFiles.Emergences);
        using var stream = File.OpenRead(path);
        var truth = JsonSerializer.Deserialize<EmergenceTruth>(stream, TruthWriter.JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty");
        return truth.Version == FormatVersion && truth.Planted is not null
            ? truth
            : throw new InvalidDataException($"{path}: version {truth.Version} is not the supported {FormatVersion}");
    }
}
