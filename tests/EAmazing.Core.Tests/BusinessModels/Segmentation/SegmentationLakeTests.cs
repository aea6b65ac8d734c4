using System.Globalization;
using EAmazing.BusinessModels.Segmentation;
using EAmazing.BusinessModels.Segmentation.Scoring;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Governance.Erasure;
using EAmazing.Governance.Register;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>
/// Segmentation on the tiny generated world's real gold lake: train records a clustering card and report, score writes
/// gold.customer_segments, erasure removes a person from it, bad input writes nothing.
/// </summary>
public sealed class SegmentationLakeTests : IClassFixture<SegmentationLakeTests.World>
{
    private readonly World _world;

    public SegmentationLakeTests(World world) => _world = world;

    [Fact]
    public void Train_registers_a_clustering_card_with_its_columns_rule_and_report_and_score_writes_the_assignment_table()
    {
        using var folder = new TempFolder();
        var registry = new ModelRegistry(folder.File("models"));
        var outcome = Train(registry, new() { ["k"] = "2..3", ["resamples"] = "5" });
        var card = outcome.Card;

        Assert.Equal(TaskKind.Clustering, card.Kind);
        Assert.Equal(string.Join(",", EAmazing.BusinessModels.Segmentation.Features.SegmentColumns.Default), card.Hyperparameters["columns"]);
        Assert.Contains("log1p", card.Hyperparameters["transforms"], StringComparison.Ordinal);
        Assert.Contains(card.Estimates, e => e.Name == "adjusted_rand_personas" && e.Value.Lower <= e.Value.Estimate && e.Value.Estimate <= e.Value.Upper);
        Assert.True(File.Exists(Path.Combine(registry.VersionFolder(card.Name, card.Version), "report", "index.html")));
        Assert.Contains(outcome.Comparison.Rows, r => r[0].StartsWith("buyers", StringComparison.Ordinal));

        registry.Promote(card.Name, card.Version, force: true);
        var scored = new SegmentBatchScorer().Score(new BatchScoringContext(_world.Gold.Lake.Engine, registry), asOf: null);
        var snapshotUsers = _world.Gold.Lake.Engine.Query($"SELECT count(*) FROM {GoldTables.UserSnapshots.ViewName} WHERE as_of_time = (SELECT max(as_of_time) FROM {GoldTables.UserSnapshots.ViewName})").Rows[0][0];
        Assert.Equal(Convert.ToInt64(snapshotUsers, CultureInfo.InvariantCulture), scored.Rows);
        Assert.Contains(RegisteredPurposes.Using("gold_customer_segments", "user_id"), p => p.Name == "segmentation");
    }

    [Fact]
    public void Migration_compares_with_the_snapshot_at_or_before_the_day_asked()
    {
        using var folder = new TempFolder();
        var registry = new ModelRegistry(folder.File("models"));

        var outcome = Train(registry, new() { ["k"] = "2", ["resamples"] = "3", ["migration-from"] = "2019-10-08" });

        Assert.Contains(outcome.Notes, n => n.Text.StartsWith("migration 2019-10-07 → ", StringComparison.Ordinal));
        Assert.Contains("alt=\"migration\"", File.ReadAllText(Path.Combine(registry.VersionFolder(outcome.Card.Name, outcome.Card.Version), "report", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Top_brands_read_one_bucket_of_users_at_a_time_equal_the_whole_lake_in_one_query()
    {
        var lake = _world.Gold.Lake.Engine;
        var snapshot = new DateTime(2019, 11, 4, 0, 0, 0, DateTimeKind.Utc);
        var expected = lake.Query("""
            SELECT user_id, brand FROM (
                SELECT user_id, brand, count(*) AS views FROM silver
                WHERE event_type = 'view' AND brand IS NOT NULL AND brand <> ''
                  AND event_time < TIMESTAMP '2019-11-04 00:00:00' AND event_time >= TIMESTAMP '2019-11-04 00:00:00' - INTERVAL 90 DAY
                GROUP BY user_id, brand)
            QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY views DESC, brand) = 1
            """).Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

        var brands = EAmazing.BusinessModels.Segmentation.Features.TopBrands.Before(lake, snapshot);

        Assert.True(expected.Count > 100);
        // Pseudonyms starting with every hex digit, so every bucket contributes.
        Assert.Equal(16, expected.Keys.Select(k => k[0]).Distinct().Count());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), brands.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Erasure_removes_a_person_from_the_assignment_table()
    {
        using var folder = new TempFolder();
        var registry = new ModelRegistry(folder.File("models"));
        var card = Train(registry, new() { ["k"] = "2", ["resamples"] = "3" }).Card;
        registry.Promote(card.Name, card.Version, force: true);
        var lake = _world.Gold.Lake.Engine;
        new SegmentBatchScorer().Score(new BatchScoringContext(lake, registry), asOf: null);
        var (raw, pseudonym) = _world.ScoredPerson(lake);
        Assert.NotNull(SegmentAssignments.Find(lake, pseudonym));

        var result = new LakeEraser(lake, TestLake.Key, modelRegistry: null).Erase([raw]);

        Assert.True(result.Subjects[0].RowsRemoved[ErasureTables.Gold(SegmentAssignments.Table)] >= 1);
        Assert.Null(SegmentAssignments.Find(lake, pseudonym));
        Assert.Empty(GoldConsistency.Check(lake));
    }

    [Theory]
    [InlineData("as-of=2019-09-01", typeof(InvalidOperationException), "no snapshot at or before 2019-09-01; the first is 2019-10-07")]
    [InlineData("as-of=2019-10-07;k=2..30", typeof(InvalidOperationException), "users; k up to 30 needs at least 300")] // the count moves when the erasure test of this class runs first
    [InlineData("columns=recency_days,shoe_size", typeof(ArgumentException), "no clustering column 'shoe_size'")]
    [InlineData("k=1..3", typeof(ArgumentException), "--k '1..3'")]
    [InlineData("as-of=2019-10-07;migration-from=2019-10-07", typeof(InvalidOperationException), "--migration-from 2019-10-07: its snapshot 2019-10-07 is not earlier than the training snapshot 2019-10-07")]
    [InlineData("migration-from=10/07/2019", typeof(ArgumentException), "--migration-from '10/07/2019' is not a date")]
    public void Bad_input_is_refused_with_a_clear_message_and_nothing_written(string parameters, Type error, string message)
    {
        using var folder = new TempFolder();
        var registry = new ModelRegistry(folder.File("models"));

        var thrown = Assert.Throws(error, () => Train(registry, parameters.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1])));

        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
        Assert.Empty(registry.Names());
    }

    private TrainingOutcome Train(ModelRegistry registry, Dictionary<string, string> parameters) =>
        new SegmentationModel().Train(
            new TrainingContext(_world.Gold.Lake.Engine, registry, new FeatureOptions(), new LeakageAuditOptions(), new Pseudonymiser(TestLake.Key)),
            new TrainingSettings { Families = ["kmeans", "gmm-diag", "buyers"], TruthFolder = _world.Truth, Parameters = parameters });

    /// <summary>The tiny world in a gold lake, shared by the class (erasure only removes people the other tests do not look for).</summary>
    public sealed class World : IDisposable
    {
        public GoldLake Gold { get; } = new(TinyWorld.Files);

        public string Truth { get; } = Path.Combine(Path.GetDirectoryName(TinyWorld.Files[0])!, TruthFiles.Folder);

        /// <summary>A raw user id of the truth file whose pseudonym has an assignment.</summary>
        public (long Raw, string Pseudonym) ScoredPerson(EAmazing.Lake.IGoldEngine lake)
        {
            var pseudonymiser = new Pseudonymiser(TestLake.Key);
            using var reader = Rees46FileReader.OpenText(Path.Combine(Truth, TruthFiles.Users));
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var raw = long.Parse(line.Split(',')[0], CultureInfo.InvariantCulture);
                var pseudonym = pseudonymiser.User(raw);
                if (SegmentAssignments.Find(lake, pseudonym) is not null)
                {
                    return (raw, pseudonym);
                }
            }

            throw new InvalidOperationException("no scored person in the tiny world");
        }

        public void Dispose() => Gold.Dispose();
    }
}
