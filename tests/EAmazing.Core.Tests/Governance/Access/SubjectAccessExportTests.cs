using System.Globalization;
using System.Text.Json;
using EAmazing.Core.Tests.Support;
using EAmazing.Privacy;
using EAmazing.Governance.Access;
using EAmazing.Governance.Erasure;
using EAmazing.Core.Tests.Governance;

namespace EAmazing.Core.Tests.Governance.Access;

public sealed class SubjectAccessExportTests
{
    [Fact]
    public void The_export_of_a_real_user_holds_exactly_their_events_duplicates_once_and_their_gold_rows()
    {
        var lines = EventFiles.Lines(RealSample.Path);
        // A user of the real rows whose events include an exact duplicate line, so "counted once" is tested.
        var user = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => PeopleLake.UserOf(g.Key)).First();
        var theirs = lines.Where(l => PeopleLake.UserOf(l) == user).ToList();
        using var gold = new GoldLake([RealSample.Path]);
        using var folder = new TempFolder();
        var id = long.Parse(user, CultureInfo.InvariantCulture);

        var summary = new SubjectAccessExport(gold.Lake.Engine, TestLake.Key).Write(id, folder.File("export/subject.json"));

        using var json = JsonDocument.Parse(File.ReadAllText(summary.OutputPath));
        var root = json.RootElement;
        var pseudonym = PeopleLake.Pseudonym(id);
        Assert.Equal(id, root.GetProperty("subject").GetProperty("requested_user_id").GetInt64());
        Assert.Equal(SubjectDigest.Of(pseudonym), root.GetProperty("subject").GetProperty("subject_digest").GetString());
        Assert.Equal(TestLake.Key.KeyId, root.GetProperty("subject").GetProperty("key_id").GetString());
        var exported = root.GetProperty("events").EnumerateArray().ToList();
        Assert.True(theirs.Distinct().Count() < theirs.Count);
        Assert.Equal(theirs.Distinct().Select(Csv).Order(), exported.Select(Json).Order());
        Assert.All(exported, e => Assert.Equal(pseudonym, e.GetProperty("user_id").GetString()));
        Assert.Equal(exported.Select(e => e.GetProperty("event_time").GetString()).Order(StringComparer.Ordinal), exported.Select(e => e.GetProperty("event_time").GetString()));
        var sessions = root.GetProperty("gold").GetProperty("sessions").EnumerateArray().ToList();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal(pseudonym, s.GetProperty("user_id").GetString()));
        Assert.Equal(exported.Count, root.GetProperty("summary").GetProperty("counts").GetProperty("events").GetInt64());
        Assert.False(File.Exists(summary.OutputPath + ".tmp"));
    }

    [Fact]
    public void After_an_erasure_the_export_holds_no_event_but_the_erasure_entry()
    {
        using var people = new PeopleLake(seed: 11, people: 2);
        using var folder = new TempFolder();
        var person = people.People[1];
        var erasure = new LakeEraser(people.Lake.Engine, TestLake.Key, modelRegistry: null).Erase([person]);

        var summary = new SubjectAccessExport(people.Lake.Engine, TestLake.Key).Write(person, folder.File("after.json"));

        using var json = JsonDocument.Parse(File.ReadAllText(summary.OutputPath));
        Assert.Equal(0, summary.Events);
        Assert.Empty(json.RootElement.GetProperty("predictions").EnumerateArray());
        var entry = Assert.Single(json.RootElement.GetProperty("erasures").EnumerateArray());
        Assert.Equal(erasure.ErasureId, entry.GetProperty("erasure_id").GetString());
        Assert.Equal(erasure.Subjects[0].RowsRemoved["silver"], entry.GetProperty("rows_removed").GetProperty("silver").GetInt64());
    }

    private static string Csv(string line)
    {
        var f = line.Split(',');
        return string.Join('|', DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            f[1], f[2], f[3], decimal.Parse(f[6], CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture), f[8].Length > 0 ? "session" : "none");
    }

    private static string Json(JsonElement e) =>
        string.Join('|', e.GetProperty("event_time").GetString()![..19], e.GetProperty("event_type").GetString(), e.GetProperty("product_id").GetInt64(),
            e.GetProperty("category_id").GetInt64(), e.GetProperty("price").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture),
            e.GetProperty("source_session").ValueKind == JsonValueKind.Null ? "none" : "session");
}
