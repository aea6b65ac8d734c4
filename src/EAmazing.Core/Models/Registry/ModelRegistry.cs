using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Foundation.Files;

namespace EAmazing.Models.Registry;

/// <summary>
/// Model versions under <c>models/&lt;name&gt;/&lt;version&gt;/</c> (the model file, <c>card.json</c>, <c>report/</c>).
/// A version folder appears complete or not at all: it is written under a temporary name and renamed.
/// The champion of a name is recorded in its cards' status.
/// </summary>
public sealed class ModelRegistry(string root)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Root { get; } = Path.GetFullPath(root);

    public IReadOnlyList<string> Names() =>
        Directory.Exists(Root) ? Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')).Order().ToList() : [];

    public IReadOnlyList<ModelCard> Versions(string name)
    {
        var folder = Path.Combine(Root, name);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetDirectories(folder)
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => Read(Path.Combine(d, "card.json")))
            .OrderBy(c => c.Version)
            .ToList();
    }

    public ModelCard Get(string name, int version) => Read(CardPath(name, version));

    public ModelCard? Champion(string name) => Versions(name).FirstOrDefault(c => c.Status == ModelStatus.Champion);

    public string VersionFolder(string name, int version) => Path.Combine(Root, name, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The number the next <see cref="Register"/> of this name will get.</summary>
    public int NextVersion(string name) => Versions(name).Select(c => c.Version).DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// Stores a new version: <paramref name="write"/> fills a temporary folder (model, report) and returns
    /// the model's file name; the card is written last and the folder renamed into place.
    /// </summary>
    public ModelCard Register(string name, Func<string, string> write, Func<int, string, ModelCard> card)
    {
        Directory.CreateDirectory(Path.Combine(Root, name));
        var version = NextVersion(name);
        using var folder = new AtomicDirectory(VersionFolder(name, version), Path.Combine(Root, name, $".tmp-{version}-{Environment.ProcessId}"));
        var modelFile = write(folder.TemporaryPath);
        var written = card(version, modelFile);
        File.WriteAllText(Path.Combine(folder.TemporaryPath, "card.json"), JsonSerializer.Serialize(written, Json));
        folder.Commit();
        return written;
    }

    /// <summary>
    /// Makes a version champion if it passes the gates (or when forced); the previous champion is archived.
    /// <paramref name="evaluate"/> is the business model's evaluator (its kind's gates); the common gates otherwise.
    /// On top, a test window decides once: a version whose test window overlaps one that already decided a promotion
    /// of this name is refused (choosing among re-runs by their test figures would be model selection on the test
    /// set). Every decision, refused or forced, is appended to <c>windows.json</c>.
    /// </summary>
    public PromotionDecision Promote(string name, int version, bool force = false, Func<ModelCard, PromotionDecision>? evaluate = null)
    {
        var candidate = Get(name, version);
        var decision = (evaluate ?? PromotionDecision.Evaluate)(candidate);
        var uses = WindowUses(name);
        var window = new WindowUse(candidate.Data.TestFrom, candidate.Data.TestTo, version, false, false, DateTime.UtcNow);
        decision = uses.FirstOrDefault(u => u.Overlaps(window.TestFrom, window.TestTo)) is { } used
            ? decision.With(false, $"test window {window} already decided a promotion (v{used.Version}, test window {used}, {(used.Forced ? "forced" : used.Allowed ? "allowed" : "refused")} {used.DecidedAt:yyyy-MM-dd HH:mm} UTC): "
                + "a window decides once; train again when newer days are in the lake, so the decision rests on data no earlier choice has seen")
            : decision.With(true, $"test window {window} has decided no promotion before");
        AtomicFile.WriteAllText(WindowsPath(name), JsonSerializer.Serialize(uses.Append(window with { Allowed = decision.Allowed, Forced = force && !decision.Allowed }).ToList(), Json),
            temporaryPath: WindowsPath(name) + ".tmp");
        if (!decision.Allowed && !force)
        {
            return decision;
        }

        foreach (var card in Versions(name).Where(c => c.Status == ModelStatus.Champion && c.Version != version))
        {
            Update(card with { Status = ModelStatus.Archived });
        }

        Update(candidate with { Status = ModelStatus.Champion });
        return decision with { Allowed = true };
    }

    /// <summary>Rewrites a card atomically (temporary file, then rename).</summary>
    public void Update(ModelCard card)
    {
        var path = CardPath(card.Name, card.Version);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(card, Json), temporaryPath: path + ".tmp");
    }

    /// <summary>Every promotion decision of this name, in order, with the test window it was decided on.</summary>
    public IReadOnlyList<WindowUse> WindowUses(string name)
    {
        var path = WindowsPath(name);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<WindowUse>>(File.ReadAllText(path), Json) ?? [] : [];
    }

    private string WindowsPath(string name) => Path.Combine(Root, name, "windows.json");

    private string CardPath(string name, int version) => Path.Combine(VersionFolder(name, version), "card.json");

    private static ModelCard Read(string path) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty");
}
