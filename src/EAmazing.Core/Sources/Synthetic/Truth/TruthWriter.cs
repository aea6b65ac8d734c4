using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Foundation.Files;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.World;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Truth;

/// <summary>Writes the ground truth of a generation run into <c>truth/</c>, each file atomically.</summary>
public sealed class TruthWriter : IDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly SyntheticWorld _world;
    private readonly string _folder;
    private readonly DateTime _epoch;
    private readonly AtomicFile _sessionsFile;
    private readonly StreamWriter _sessions;
    private readonly AtomicFile _demandFile;
    private readonly StreamWriter _demand;
    private readonly double[] _dayPurchases;

    public TruthWriter(SyntheticWorld world, string outputDirectory)
    {
        _world = world;
        _folder = Path.Combine(outputDirectory, TruthFiles.Folder);
        Directory.CreateDirectory(_folder);
        _epoch = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        (_sessionsFile, _sessions) = OpenCsv(TruthFiles.Sessions, TruthFiles.SessionsHeader);
        (_demandFile, _demand) = OpenCsv(TruthFiles.DemandDaily, TruthFiles.DemandHeader);
        _dayPurchases = new double[world.Catalog.Categories.Count];
    }

    /// <summary>Appends an hour's cart sessions; writes a day's expected demand once its last hour is in.</summary>
    public void WriteHour(HourSimulation hour)
    {
        foreach (var s in hour.CartSessions)
        {
            _sessions.Write(string.Create(CultureInfo.InvariantCulture,
                $"{s.Session:D},{s.UserId},{Rees46Format.FormatTime(_epoch.AddSeconds(s.FirstCartSecond))},{s.PurchaseProbability:0.######},{(s.Purchased ? 1 : 0)}\n"));
        }

        for (var c = 0; c < _dayPurchases.Length; c++)
        {
            _dayPurchases[c] += hour.ExpectedPurchases[c];
        }

        if (hour.Hour % 24 == 23)
        {
            WriteDemand(hour.Hour / 24);
            Array.Clear(_dayPurchases);
        }
    }

    private void WriteDemand(int day)
    {
        var mixture = _world.MixtureOn(day);
        var views = _world.ExpectedSessionsOn(day) * _world.ExpectedViewsPerSession;
        var date = _world.Calendar.DateOf(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var c in _world.Catalog.Categories)
        {
            var expectedViews = views * mixture.ExpectedShare[c.Index];
            var expectedPurchases = _dayPurchases[c.Index];
            if (expectedViews > 0 || expectedPurchases > 0)
            {
                _demand.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{date},{c.CategoryId},{c.Code},{expectedPurchases:0.####},{expectedViews:0.####}\n"));
            }
        }
    }

    /// <summary>Completes the session and demand files, writes users and the world's parameters.</summary>
    public void Complete()
    {
        Close(_sessionsFile, _sessions);
        Close(_demandFile, _demand);

        var (usersFile, users) = OpenCsv(TruthFiles.Users, TruthFiles.UsersHeader);
        var windowDays = _world.Window.DayCount;
        for (var rank = 0; rank < _world.Users.Count; rank++)
        {
            var t = _world.Users.Traits(rank);
            var churned = t.ChurnDay < windowDays ? Rees46Format.FormatTime(_epoch.AddDays(t.ChurnDay)) : string.Empty;
            var joined = double.IsNegativeInfinity(t.JoinDay) ? string.Empty : Rees46Format.FormatTime(_epoch.AddDays(t.JoinDay));
            users.Write(string.Create(CultureInfo.InvariantCulture, $"{t.UserId},{PersonaProfile.Name(t.Persona)},{churned},{joined}\n"));
        }

        Close(usersFile, users);

        using var world = new AtomicFile(Path.Combine(_folder, TruthFiles.World));
        JsonSerializer.Serialize(world.Stream, _world.Spec, JsonOptions);
        world.Commit();
        EmergenceTruth.Of(_world).Write(_folder);
    }

    public static WorldSpec ReadSpec(string truthFolder)
    {
        using var stream = File.OpenRead(Path.Combine(truthFolder, TruthFiles.World));
        return JsonSerializer.Deserialize<WorldSpec>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{truthFolder}/{TruthFiles.World} is empty");
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _sessionsFile.Dispose();
        _demand.Dispose();
        _demandFile.Dispose();
    }

    private (AtomicFile File, StreamWriter Writer) OpenCsv(string name, string header)
    {
        var file = new AtomicFile(Path.Combine(_folder, name));
        var gzip = new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true);
        var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.Write(header + "\n");
        return (file, writer);
    }

    private static void Close(AtomicFile file, StreamWriter writer)
    {
        writer.Dispose();
        file.Commit();
    }
}
