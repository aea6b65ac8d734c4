using EAmazing.Core.Tests.Support;
using EAmazing.Features;

namespace EAmazing.Core.Tests.Features;

/// <summary>
/// Every gold row whose as_of_time is before a cutoff must not depend on anything at or after the cutoff:
/// the same lake without those events, or with them changed and more appended, gives the same rows
/// (label columns excepted: they look into the future by design).
/// </summary>
public sealed class FutureInvarianceTests(GeneratedGoldLake full) : IClassFixture<GeneratedGoldLake>
{
    // Mid-November: rows of both months lie before it, and October's item_transitions (as of 1 Nov) too.
    private static readonly DateTime Cutoff = new(2019, 11, 12, 13, 37, 0, DateTimeKind.Utc);

    [Fact]
    public void Given_generated_data_When_every_event_after_the_cutoff_is_removed_Then_every_gold_row_before_the_cutoff_is_unchanged()
    {
        using var folder = new TempFolder();
        var stamp = EventFiles.Stamp(Cutoff);
        var truncated = TinyWorld.Files.Select(f => EventFiles.Write(folder.File(Path.GetFileName(f).Replace(".gz", "", StringComparison.Ordinal)),
            EventFiles.Lines(f).Where(l => string.CompareOrdinal(EventFiles.Time(l), stamp) < 0))).ToList();

        using var past = new GoldLake(truncated);

        AssertSameRowsBeforeCutoff(full.Gold, past);
    }

    [Fact]
    public void Given_generated_data_When_events_after_the_cutoff_are_changed_and_more_are_appended_Then_every_gold_row_before_the_cutoff_is_unchanged()
    {
        using var folder = new TempFolder();
        var stamp = EventFiles.Stamp(Cutoff);
        var changed = TinyWorld.Files.Select(f => EventFiles.Write(folder.File(Path.GetFileName(f).Replace(".gz", "", StringComparison.Ordinal)),
            EventFiles.Lines(f).Select((l, i) => string.CompareOrdinal(EventFiles.Time(l), stamp) >= 0 && i % 3 == 0
                ? EventFiles.WithField(EventFiles.WithField(l, 1, "purchase"), 6, "999.99")
                : l))).ToList();
        // Purchases right after the cutoff by users and of items seen before it: the future of the very rows checked.
        var november = EventFiles.Lines(TinyWorld.Files[1]).Where(l => string.CompareOrdinal(EventFiles.Time(l), stamp) < 0).TakeLast(400).ToList();
        var appended = EventFiles.Write(folder.File("2019-Nov-appended.csv"),
            november.Select((l, i) => EventFiles.WithField(EventFiles.WithTime(l, Cutoff.AddSeconds(i * 7)), 1, "purchase")));

        using var future = new GoldLake([.. changed, appended]);

        AssertSameRowsBeforeCutoff(full.Gold, future);
        // The change is real: rows at or after the cutoff (or labels) do differ.
        Assert.Contains(GoldTables.All, t => GoldRowComparison.Differences(t, full.Gold.RowsFrom(t, Cutoff), future.RowsFrom(t, Cutoff)).Count > 0);
    }

    [Fact]
    public void Given_the_real_rows_When_every_event_after_the_cutoff_is_removed_Then_every_gold_row_before_the_cutoff_is_unchanged()
    {
        var cutoff = new DateTime(2019, 10, 1, 2, 35, 0, DateTimeKind.Utc); // the sample is busy from 02:10 to 02:50
        using var folder = new TempFolder();
        var truncated = EventFiles.Write(folder.File("2019-Oct-head-before-0235.csv"),
            EventFiles.Lines(Rows.RealSample).Where(l => string.CompareOrdinal(EventFiles.Time(l), EventFiles.Stamp(cutoff)) < 0));

        using var all = new GoldLake([Rows.RealSample]);
        using var past = new GoldLake([truncated]);

        var compared = AssertSameRowsBeforeCutoff(all, past, cutoff);
        // Three hours of data: the session tables have rows before the cutoff (a session's only once it has been
        // quiet for 30 minutes); the daily and weekly tables have none before 2 October.
        Assert.True(compared[GoldTables.Sessions.Name] > 300);
        Assert.True(compared[GoldTables.CartPredictionPoints.Name] > 50);
        Assert.True(compared[GoldTables.SessionPrefixes.Name] > 5_000);
    }

    private static Dictionary<string, int> AssertSameRowsBeforeCutoff(GoldLake reference, GoldLake other, DateTime? cutoff = null)
    {
        var at = cutoff ?? Cutoff;
        var compared = new Dictionary<string, int>();
        var problems = new List<string>();
        foreach (var table in GoldTables.All)
        {
            var expected = reference.RowsBefore(table, at);
            problems.AddRange(GoldRowComparison.Differences(table, expected, other.RowsBefore(table, at)));
            compared[table.Name] = expected.Rows.Count;
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        if (cutoff is null)
        {
            // Every table is really compared on generated data, not vacuously.
            Assert.All(compared, c => Assert.True(c.Value > 0, $"{c.Key}: no row before the cutoff"));
        }

        return compared;
    }
}
