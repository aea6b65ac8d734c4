using System.Globalization;
using System.Text.Json;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;

namespace EAmazing.Core.Tests.Governance;

/// <summary>
/// A tiny lake about a few known people, in every layer: two monthly files (October, November 2019) of their
/// sessions (views, carts, purchases), exact duplicates and quarantined rows that still carry their ids, every
/// gold table built, and a predictions log naming them (plus a line cut by a crash).
/// </summary>
public sealed class PeopleLake : IDisposable
{
    private static readonly string[] Types = ["view", "view", "view", "cart", "purchase"];

    public PeopleLake(int seed, int people = 6)
    {
        var random = new Random(seed);
        People = Enumerable.Range(0, people).Select(i => 500_000_000L + (i * 7919) + random.Next(7919)).ToList();
        var lines = new List<(DateTime Time, long User, string Line)>();
        foreach (var user in People)
        {
            for (var s = 0; s < random.Next(2, 5); s++)
            {
                var start = new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 60 * 24 * 60));
                var session = new Guid(random.GetItems<byte>([.. Enumerable.Range(0, 256).Select(b => (byte)b)], 16)).ToString("D");
                for (var e = 0; e < random.Next(1, 6); e++)
                {
                    var time = start.AddSeconds(e * random.Next(5, 300));
                    var product = 1_000_000 + random.Next(20);
                    var line = Line(time, Types[random.Next(Types.Length)], product, (product % 7 * 10.5m) + 1, user, session);
                    lines.Add((time, user, line));
                    if (random.Next(6) == 0)
                    {
                        lines.Add((time, user, line)); // an exact duplicate
                    }

                    if (random.Next(8) == 0)
                    {
                        lines.Add((time, user, EventFiles.WithField(line, 6, "abc"))); // quarantined, ids kept (pseudonymised)
                    }
                }
            }
        }

        Lake = new TestLake();
        var ordered = lines.OrderBy(l => l.Time).ToList();
        October = EventFiles.Write(Lake.Input("2019-Oct.csv"), ordered.Where(l => l.Time.Month == 10).Select(l => l.Line));
        November = EventFiles.Write(Lake.Input("2019-Nov.csv"), ordered.Where(l => l.Time.Month == 11).Select(l => l.Line));
        LinesByUser = ordered.GroupBy(l => l.User).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Line).ToList());
        Lake.Ingest(October);
        Lake.Ingest(November);
        new FeatureBuilder(Lake.Engine, new FeatureOptions()).Build(new FeatureBuildRequest());

        var pseudonymiser = new Pseudonymiser(TestLake.Key);
        var log = PredictionLog.FileFor(Lake.Root, new DateTime(2019, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var predictions = People.Select((u, i) => JsonSerializer.Serialize(
            new PredictionRecord(new DateTime(2019, 12, 1, 10, i, 0, DateTimeKind.Utc), "purchase-intent-cart", 1, pseudonymiser.User(u), 0.1 * i, i % 2 == 0), PredictionLog.Json)).ToList();
        // A crash mid-write leaves a line that does not parse; it still names its person.
        predictions.Add("{\"time\":\"2019-12-01T11:00:00Z\",\"model\":\"purchase-intent-cart\",\"version\":1,\"user_pseudonym\":\"" + pseudonymiser.User(People[0]));
        File.WriteAllText(log, string.Join('\n', predictions) + "\n");
        PredictionLines = People.ToDictionary(u => u, u => u == People[0] ? 2L : 1L);
    }

    public TestLake Lake { get; }

    public IReadOnlyList<long> People { get; }

    public string October { get; }

    public string November { get; }

    /// <summary>Every line written for each person (valid, duplicated and quarantined).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> LinesByUser { get; }

    public IReadOnlyDictionary<long, long> PredictionLines { get; }

    public static string Pseudonym(long user) => new Pseudonymiser(TestLake.Key).User(user);

    public static string Line(DateTime time, string type, long product, decimal price, long user, string session) =>
        string.Join(',', time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), type, product.ToString(CultureInfo.InvariantCulture),
            "2053013555631882655", "electronics.smartphone", "apple", price.ToString("0.00", CultureInfo.InvariantCulture), user.ToString(CultureInfo.InvariantCulture), session);

    public static string UserOf(string line) => line.Split(',')[Rees46Format.ColumnCount - 2];

    public void Dispose() => Lake.Dispose();
}
