using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;
using EAmazing.Governance.Erasure;
using EAmazing.Core.Tests.Governance;

namespace EAmazing.Core.Tests.Governance.Erasure;

public sealed class ErasureTests
{
    [Fact]
    public void Erasing_a_person_twice_removes_nothing_the_second_time_and_changes_nothing()
    {
        using var people = new PeopleLake(seed: 7);
        var lake = people.Lake;
        var eraser = new LakeEraser(lake.Engine, TestLake.Key, modelRegistry: null);

        var first = eraser.Erase([people.People[0]]);
        var partitions = lake.Engine.Partitions();
        var catalog = Catalog(lake);
        var second = eraser.Erase([people.People[0]]);

        Assert.True(first.TotalRows > 0);
        Assert.False(first.Subjects[0].AlreadyErased);
        Assert.True(second.Subjects[0].AlreadyErased);
        Assert.Equal(0, second.TotalRows);
        Assert.Equal(0, second.FilesRewritten);
        Assert.Equal(partitions, lake.Engine.Partitions());
        Assert.Equal(catalog, Catalog(lake));
        Assert.Empty(LakeConsistency.Check(lake.Engine));
    }

    [Fact]
    public void After_an_erasure_the_gold_whose_rows_each_come_from_one_user_stays_current_and_equals_its_rebuild_and_the_rest_awaits_a_build()
    {
        using var people = new PeopleLake(seed: 12);
        var builder = new FeatureBuilder(people.Lake.Engine, new FeatureOptions());
        Assert.All(builder.Plan(new FeatureBuildRequest()), s => Assert.Equal(GoldAction.UpToDate, s.Action));
        var last = LastEventOwner(people);

        new LakeEraser(people.Lake.Engine, TestLake.Key, modelRegistry: null).Erase(people.People.Where(p => p != last).Take(2).ToList());

        var plan = builder.Plan(new FeatureBuildRequest());
        var kept = plan.Where(s => GoldTables.Find(s.Table)!.RowsFromOneUser).ToList();
        Assert.Equal(["session_prefixes", "sessions", "user_snapshots"], kept.Select(s => s.Table).Distinct().Order(StringComparer.Ordinal));
        Assert.All(kept, s => Assert.True(s.Action == GoldAction.UpToDate, $"{s.Table} {s.Month}: {s.Reason}"));
        // Rows over many users (item histories, aggregates) counted the people: a rebuild changes them.
        Assert.All(plan.Except(kept), s => Assert.Equal(GoldAction.Build, s.Action));
        AssertCurrentPartitionsEqualTheirRebuild(people, builder);
    }

    [Fact]
    public void After_erasing_the_person_with_the_datas_last_event_the_snapshots_await_a_build_since_the_datas_end_moved()
    {
        using var people = new PeopleLake(seed: 12);
        var builder = new FeatureBuilder(people.Lake.Engine, new FeatureOptions());

        new LakeEraser(people.Lake.Engine, TestLake.Key, modelRegistry: null).Erase([LastEventOwner(people)]);

        // The data's end decides which weekly snapshots exist and which churn labels are known, for every user.
        Assert.All(builder.Plan(new FeatureBuildRequest()).Where(s => s.Table == GoldTables.UserSnapshots.Name), s => Assert.Equal(GoldAction.Build, s.Action));
        AssertCurrentPartitionsEqualTheirRebuild(people, builder);
    }

    private static long LastEventOwner(PeopleLake people) =>
        people.LinesByUser.MaxBy(p => p.Value.Max(l => EventFiles.Time(l)))!.Key;

    /// <summary>"Current" is true: every partition the plan leaves alone is what a rebuild from the erased silver makes.</summary>
    private static void AssertCurrentPartitionsEqualTheirRebuild(PeopleLake people, FeatureBuilder builder)
    {
        var engine = people.Lake.Engine;
        var silver = builder.SilverInputs();
        foreach (var step in builder.Plan(new FeatureBuildRequest()).Where(s => s.Action == GoldAction.UpToDate))
        {
            var table = GoldTables.Find(step.Table)!;
            var order = string.Join(", ", table.KeyColumns.Append(GoldTable.AsOfColumn).Distinct());
            var built = people.Lake.Query($"SELECT * FROM ({table.Shown(table.ReadFiles([engine.Layout.Full(GoldLayout.Partition(table.Name, step.Month))]))}) AS t ORDER BY {order}");
            var rebuilt = people.Lake.Query($"SELECT * FROM ({table.Shown($"({builder.QueryFor(table, step.Month, silver).Sql()})")}) AS t ORDER BY {order}");
            Assert.Empty(GoldRowComparison.Differences(table, rebuilt, built));
            Assert.Equal(Labels(table, rebuilt), Labels(table, built));
        }
    }

    private static List<string> Labels(GoldTable table, QueryResult rows) =>
        rows.Rows.Select(r => string.Join(",", table.LabelColumns.Select(c => Convert.ToString(r[rows.Columns.ToList().IndexOf(c)], System.Globalization.CultureInfo.InvariantCulture)))).ToList();

    [Fact]
    public void A_person_without_any_data_is_still_suppressed_and_logged_once()
    {
        using var people = new PeopleLake(seed: 8, people: 2);
        var eraser = new LakeEraser(people.Lake.Engine, TestLake.Key, modelRegistry: null);

        var first = eraser.Erase([123_456_789L]);
        var second = eraser.Erase([123_456_789L]);

        Assert.Equal(0, first.TotalRows);
        Assert.False(first.Subjects[0].AlreadyErased);
        Assert.True(second.Subjects[0].AlreadyErased);
        Assert.Equal(1, people.Lake.Count("SELECT count(*) FROM erasure_log"));
        Assert.Equal(1, people.Lake.Count("SELECT count(*) FROM suppressed_subjects"));
    }

    [Fact]
    public void A_model_whose_window_holds_the_persons_events_is_flagged_once_and_another_is_not()
    {
        using var people = new PeopleLake(seed: 9);
        using var folder = new TempFolder();
        var registry = new ModelRegistry(folder.File("models"));
        var person = people.People[0];
        var times = people.LinesByUser[person].Select(l => DateTime.SpecifyKind(DateTime.Parse(EventFiles.Time(l), System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)).ToList();
        var including = Register(registry, "intent", times.Min().AddDays(-1), times.Min().AddMinutes(1));
        var after = Register(registry, "churn", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2020, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var eraser = new LakeEraser(people.Lake.Engine, TestLake.Key, registry.Root);

        var result = eraser.Erase([person]);
        eraser.Erase([person]);

        var reason = ModelRetrainFlags.Reason(result.ErasureId);
        Assert.Equal([reason], registry.Get(including.Name, including.Version).RetrainReasons);
        Assert.Empty(registry.Get(after.Name, after.Version).RetrainReasons);
        Assert.Equal(["intent v1"], result.Subjects[0].ModelsFlagged);
        Assert.Contains("intent v1", (string)people.Lake.Query("SELECT models_flagged FROM erasure_log").Rows[0][0]!, StringComparison.Ordinal);
    }

    [Fact]
    public void An_erasure_stopped_after_its_first_month_leaves_that_month_erased_and_a_rerun_completes_the_same_log()
    {
        using var clean = new PeopleLake(seed: 11);
        using var stopped = new PeopleLake(seed: 11);
        var everyone = clean.People.ToList();
        var pseudonyms = everyone.Select(PeopleLake.Pseudonym).ToList();
        var whole = new LakeEraser(clean.Lake.Engine, TestLake.Key, modelRegistry: null).Erase(everyone);

        var stop = new InvalidOperationException("stopped after a month");
        var thrown = Assert.Throws<InvalidOperationException>(() => new LakeEraser(stopped.Lake.Engine, TestLake.Key, modelRegistry: null,
            faultPoint: point => throw (point == "month-committed" ? stop : new InvalidOperationException(point))).Erase(everyone));

        // One month's commit landed: October holds none of them, November still does, they are suppressed already.
        Assert.Same(stop, thrown);
        var left = LakeScan.Occurrences(stopped.Lake, pseudonyms);
        Assert.NotEmpty(left);
        Assert.All(left, place => Assert.DoesNotContain("2019-10", place, StringComparison.Ordinal));
        Assert.Contains(left, place => place.Contains("2019-11", StringComparison.Ordinal));
        Assert.Equal(everyone.Count, stopped.Lake.Count("SELECT count(*) FROM suppressed_subjects"));
        Assert.Empty(LakeConsistency.Check(stopped.Lake.Engine));

        var rerun = new LakeEraser(stopped.Lake.Engine, TestLake.Key, modelRegistry: null).Erase(everyone);

        Assert.True(rerun.TotalRows > 0);
        Assert.Empty(LakeScan.Occurrences(stopped.Lake, pseudonyms));
        Assert.Empty(LakeConsistency.Check(stopped.Lake.Engine));
        Assert.Empty(GoldConsistency.Check(stopped.Lake.Engine));
        const string log = "SELECT erasure_id, subject_digest, key_id, rows_removed, event_months FROM erasure_log ORDER BY ALL";
        Assert.Equal(Table(clean.Lake, log), Table(stopped.Lake, log));
        const string removals = "SELECT file_id, layer, reason, reference, row_count FROM row_removals ORDER BY ALL";
        Assert.Equal(Table(clean.Lake, removals), Table(stopped.Lake, removals));
        // the re-run reports (and audits) the whole erasure's rows of each person it still found, both months' as the log
        var continued = rerun.Subjects.Where(s => !s.AlreadyErased).ToList();
        Assert.Contains(continued, s => s.RowsRemoved.Any(r => r.Value > 0));
        Assert.All(continued, s => Assert.Equal(
            LakeEraser.AuditDetail(whole.ErasureId, whole.Subjects.Single(w => w.Subject.Digest == s.Subject.Digest)),
            LakeEraser.AuditDetail(rerun.ErasureId, s)));
    }

    [Fact]
    public void A_lake_made_before_rows_suppressed_existed_opens_and_reads_zero()
    {
        using var lake = new TestLake();
        lake.IngestLines("one.csv", [Rows.Header, Rows.Good]);
        lake.Query("ALTER TABLE ingested_files DROP COLUMN rows_suppressed");

        lake.Reopen();
        var file = Assert.Single(lake.Engine.IngestedFiles());
        var next = lake.IngestLines("two.csv", [Rows.Header, Rows.OtherGood]);

        Assert.Equal(0, file.Rows.Suppressed);
        Assert.True(next.File.Rows.IsBalanced);
        Assert.Empty(LakeConsistency.Check(lake.Engine));
    }

    private static List<string> Table(TestLake lake, string sql) =>
        lake.Query(sql).Rows.Select(r => string.Join('|', r)).ToList();

    private static List<string> Catalog(TestLake lake) =>
        new[] { "erasure_log", "row_removals", "suppressed_subjects", "gold_partitions", "lake_partitions" }
            .SelectMany(t => lake.Query($"SELECT * FROM {t} ORDER BY ALL").Rows.Select(r => t + ": " + string.Join('|', r)))
            .ToList();

    private static ModelCard Register(ModelRegistry registry, string name, DateTime from, DateTime to) =>
        registry.Register(name, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "model.zip"), "not a model");
            return "model.zip";
        }, (version, file) => new ModelCard
        {
            Name = name, Version = version, Task = "t", Family = "fasttree", Hyperparameters = new Dictionary<string, string>(), Features = ["x"],
            ModelFile = file, CreatedAt = DateTime.UnixEpoch,
            Data = new DataWindow(from, from, from, to, 1, 1, 1, 0.3, []),
            Metrics = new TestMetrics(100, 0.3, new ConfidenceInterval(0.7, 0.68, 0.72), new ConfidenceInterval(0.5, 0.4, 0.6), new ConfidenceInterval(0.6, 0.5, 0.7),
                0.2, 0.02, 0.4, new ConfusionMatrix(10, 5, 70, 15), new ConfidenceInterval(0.5, 0.4, 0.6), 1.8, 10),
            
            Cost = new BusinessCost(), LeakageAudit = new LeakageAuditSummary(true, "passed"),
            Alarms = [], Seed = 46, CodeVersion = "test", TrainingSeconds = 1,
        });
}
