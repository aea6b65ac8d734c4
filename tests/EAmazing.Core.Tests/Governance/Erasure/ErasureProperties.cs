using System.Globalization;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Governance.Erasure;
using FsCheck;
using FsCheck.Xunit;
using EAmazing.Core.Tests.Governance;

namespace EAmazing.Core.Tests.Governance.Erasure;

/// <summary>
/// Erasing random sets of people from a lake with every layer (bronze, silver, quarantine, gold, predictions):
/// nothing of theirs is left anywhere, the counts removed are exact, the lake stays consistent, everyone else's
/// rows are untouched, and re-ingesting their rows (a changed file, a new file) brings nothing back.
/// </summary>
public sealed class ErasureProperties
{
    private static readonly string[] PersonTables = ["bronze", "silver", "quarantine"];

    [Property(MaxTest = 4)]
    public void Erased_people_are_gone_from_every_file_and_table_and_stay_gone(PositiveInt seed)
    {
        using var people = new PeopleLake(seed.Get);
        var lake = people.Lake;
        var random = new Random(seed.Get);
        var erased = people.People.Where(_ => random.Next(3) == 0).DefaultIfEmpty(people.People[0]).ToList();
        var kept = people.People.Except(erased).ToList();
        var erasedPseudonyms = erased.Select(PeopleLake.Pseudonym).ToList();
        var expected = RowsOf(lake, erasedPseudonyms);
        expected["predictions"] = erased.Sum(u => people.PredictionLines[u]);
        var othersBefore = Snapshot(lake, erasedPseudonyms);
        Assert.NotEmpty(LakeScan.Occurrences(lake, erasedPseudonyms));

        var result = new LakeEraser(lake.Engine, TestLake.Key, modelRegistry: null).Erase(erased);

        Assert.Equal(expected.Where(e => e.Value > 0).OrderBy(e => e.Key), result.RowsPerTable().Where(t => t.Rows > 0).Select(t => KeyValuePair.Create(t.Table, t.Rows)).OrderBy(e => e.Key));
        Assert.Empty(LakeScan.Occurrences(lake, erasedPseudonyms));
        Assert.Empty(LakeConsistency.Check(lake.Engine));
        Assert.Empty(GoldConsistency.Check(lake.Engine));
        Assert.Equal(othersBefore, Snapshot(lake, erasedPseudonyms));
        Assert.Equal(erased.Count, lake.Count("SELECT count(*) FROM erasure_log"));
        Assert.Equal(erased.Count, lake.Count("SELECT count(*) FROM suppressed_subjects"));

        // The same people come back in a changed file (same path, one more row) and in a new file: none of their rows is kept.
        var changed = EventFiles.Write(people.October, EventFiles.Lines(people.October).Append(PeopleLake.Line(
            new DateTime(2019, 10, 31, 23, 0, 0, DateTimeKind.Utc), "view", 1, 1m, kept.DefaultIfEmpty(1L).First(), "72d76fde-8bb3-4e00-8c23-a032dfed738c")));
        var fresh = EventFiles.Write(lake.Input("again.csv"), erased.SelectMany(u => people.LinesByUser[u]).Append(PeopleLake.Line(
            new DateTime(2019, 11, 30, 23, 0, 0, DateTimeKind.Utc), "view", 2, 2m, 1, "72d76fde-8bb3-4e00-8c23-a032dfed738c")));
        foreach (var (path, outcome) in new[] { changed, fresh }.Select(p => (p, lake.Ingest(p))))
        {
            var erasedLines = EventFiles.Lines(path).Count(l => erased.Contains(long.Parse(PeopleLake.UserOf(l), CultureInfo.InvariantCulture)));
            Assert.Equal(erasedLines, outcome.File.Rows.Suppressed);
            Assert.True(outcome.File.Rows.IsBalanced, outcome.File.Rows.ToString());
            Assert.True(erasedLines == 0 || outcome.Message.Contains("suppressed", StringComparison.Ordinal), outcome.Message);
        }

        Assert.Empty(LakeScan.Occurrences(lake, erasedPseudonyms));
        Assert.Empty(LakeConsistency.Check(lake.Engine));
        Assert.All(kept, u => Assert.True(lake.Count($"SELECT count(*) FROM silver WHERE user_id = '{PeopleLake.Pseudonym(u)}'") > 0));
    }

    /// <summary>Rows of the pseudonyms per table (the names erasure reports), counted before the erasure.</summary>
    private static Dictionary<string, long> RowsOf(TestLake lake, IReadOnlyList<string> pseudonyms)
    {
        var list = string.Join(", ", pseudonyms.Select(p => $"'{p}'"));
        var rows = PersonTables.ToDictionary(t => t, t => lake.Count($"SELECT count(*) FROM {t} WHERE user_id IN ({list})"));
        foreach (var table in GoldTables.All)
        {
            var columns = lake.Query($"SELECT column_name FROM (DESCRIBE {table.ViewName})").Rows.Select(r => (string)r[0]!).ToList();
            if (PersonColumn.For(columns) is { } person)
            {
                rows[ErasureTables.Gold(table.Name)] = lake.Count($"SELECT count(*) FROM {table.ViewName} WHERE {PersonColumn.Matches(person, pseudonyms)}");
            }
        }

        return rows;
    }

    /// <summary>Every row of everyone else, in every per-person table, as text.</summary>
    private static List<string> Snapshot(TestLake lake, IReadOnlyList<string> erased)
    {
        var rows = new List<string>();
        var views = PersonTables.Concat(GoldTables.All.Select(t => t.ViewName));
        foreach (var view in views)
        {
            var columns = lake.Query($"SELECT column_name FROM (DESCRIBE {view})").Rows.Select(r => (string)r[0]!).ToList();
            var person = PersonColumn.For(columns);
            var filter = person is null ? "" : $"WHERE NOT {PersonColumn.Matches(person, erased)}";
            rows.AddRange(lake.Query($"SELECT * FROM {view} {filter} ORDER BY ALL").Rows
                .Select(r => view + ": " + string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
        }

        return rows;
    }
}
