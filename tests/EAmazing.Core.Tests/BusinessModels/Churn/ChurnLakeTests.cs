using System.Globalization;
using EAmazing.BusinessModels.Churn;
using EAmazing.Core.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Governance.Erasure;
using EAmazing.Governance.Register;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.Core.Tests.BusinessModels.Churn;

/// <summary>
/// Churn on the tiny generated world's real gold lake: train through the lab (baselines, recency rule, oracle, groups,
/// campaign, leakage audit on the card), promote, <c>score churn</c> into gold, and erasure, register and the API's lookup.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ChurnLakeTests : IClassFixture<ChurnLakeTests.World>
{
    private readonly World _world;

    public ChurnLakeTests(World world) => _world = world;

    [Fact]
    public void Training_compares_every_family_with_the_prior_the_recency_rule_and_the_oracle_per_group_of_users()
    {
        var outcome = _world.Outcome;
        var card = outcome.Card;

        Assert.Equal(ChurnModel.RegistryName, card.Name);
        Assert.Equal(TaskKind.BinaryClassification, card.Kind);
        Assert.Equal([GoldTables.UserSnapshots.Name], card.GoldInputs);
        // The test week is the last snapshot whose 28-day window the lake (Oct–Nov) holds: 28 October.
        Assert.Equal(new DateTime(2019, 10, 28, 0, 0, 0, DateTimeKind.Utc), card.Data.TestTo.AddDays(-1));
        Assert.True(card.LeakageAudit.Passed, card.LeakageAudit.Summary);
        Assert.Contains("future invariance passed", card.LeakageAudit.Summary, StringComparison.Ordinal);
        var methods = outcome.Comparison.Rows.Select(r => r[0].TrimEnd(' ', '*')).ToList();
        Assert.Equal(["prior", "onerule", "logistic", ChurnTraining.Recency, ChurnTraining.Oracle, ChurnTraining.OracleWithoutClock, ChurnTraining.ObservableOracle], methods);
        Assert.All(outcome.Comparison.Rows, r => Assert.Matches(@"^0\.\d{4} \[0\.\d{4}, [01]\.\d{4}\]$", r[4]));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith(ChurnGroups.Buyers + ", oracle:", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith(ChurnGroups.NeverBought + ", recency rule:", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith(ChurnGroups.NeverBought + ", " + ChurnTraining.OracleWithoutClock + ":", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith(ChurnTraining.OracleWithoutClock + ": knows the user's traits", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith(ChurnGroups.Buyers + ", " + ChurnTraining.ObservableOracle + ":", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith(ChurnTraining.ObservableOracle + ": knows neither traits", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith("target: champion AUC", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.Text.StartsWith("campaign view on the test week", StringComparison.Ordinal));
        var report = Path.Combine(_world.Registry.VersionFolder(card.Name, card.Version), "report");
        Assert.True(File.Exists(Path.Combine(report, "campaign.png")));
        Assert.Contains(ChurnGroups.NeverBought, File.ReadAllText(Path.Combine(report, ChurnReport.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Oracles_at_scale_answer_a_systematic_sample_of_the_test_users_and_say_so()
    {
        var context = new TrainingContext(_world.Gold.Lake.Engine, _world.Registry, new FeatureOptions(), new LeakageAuditOptions(), new Pseudonymiser(TestLake.Key));
        var settings = new TrainingSettings
        {
            Families = ["logistic"], TrialsPerFamily = 1, TruthFolder = _world.Truth, Parameters = new Dictionary<string, string> { [ChurnModel.OracleUsers.Name] = "10" },
        };

        var outcome = new ChurnModel().Train(context, settings);

        var note = Assert.Single(outcome.Notes, n => n.Text.StartsWith("oracle: the world's probability", StringComparison.Ordinal)).Text;
        Assert.Matches(@"asked of a systematic sample of 10 of the [\d,]+ test users \(every \(n / 10\)-th test row; --oracle-users\), 10 matched", note);
        var observable = Assert.Single(outcome.Notes, n => n.Text.StartsWith(ChurnTraining.ObservableOracle + ": knows neither", StringComparison.Ordinal)).Text;
        Assert.Contains("(10 users,", observable, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ChurnModel().Train(context, settings with { Parameters = new Dictionary<string, string> { [ChurnModel.OracleUsers.Name] = "9" } }));
    }

    [Fact]
    public void Beyond_max_rows_it_trains_on_a_user_sample_that_the_card_states()
    {
        var context = new TrainingContext(_world.Gold.Lake.Engine, _world.Registry, new FeatureOptions(), new LeakageAuditOptions(), null);
        var labelled = _world.Gold.Lake.Count($"SELECT count(*) FROM {GoldTables.UserSnapshots.ViewName} WHERE {ChurnModel.Label} IS NOT NULL");
        var settings = new TrainingSettings
        {
            Families = ["logistic"], TrialsPerFamily = 1,
            Parameters = new Dictionary<string, string> { [ChurnModel.MaxRows.Name] = (labelled / 2).ToString(CultureInfo.InvariantCulture) },
        };

        var card = new ChurnModel().Train(context, settings).Card;

        UserSampleCard.AssertStated(card, labelled);
        Assert.Throws<ArgumentException>(() => new ChurnModel().Train(context, settings with { Parameters = new Dictionary<string, string> { [ChurnModel.MaxRows.Name] = "99" } }));
    }

    [Fact]
    public void Scoring_writes_pseudonymised_users_which_the_lookup_erasure_and_register_cover()
    {
        var engine = _world.Gold.Lake.Engine;
        var snapshotUsers = engine.Query($"SELECT count(*) FROM {GoldTables.UserSnapshots.ViewName} WHERE as_of_time = TIMESTAMP '2019-11-25 00:00:00'").Rows[0][0];
        var (raw, pseudonym) = _world.ScoredPerson(engine);

        Assert.Equal(Convert.ToInt64(snapshotUsers, CultureInfo.InvariantCulture), _world.Scored.Rows);
        Assert.EndsWith("month=2019-11/churn_scores.parquet", _world.Scored.Partition.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(0L, Count(engine, $"SELECT count(*) FROM gold_churn_scores WHERE user_id = '{raw}'"));
        using var scratch = new DuckDbEngine().OpenScratch();
        var found = Assert.IsType<ChurnScoreOfUser>(new ChurnScoring().Lookup(scratch, engine.Layout, pseudonym));
        Assert.Equal(new DateTime(2019, 11, 25, 0, 0, 0, DateTimeKind.Utc), found.AsOfTime);
        Assert.InRange(found.ChurnProbability, 0, 1);
        var registered = Assert.Single(new ProcessingRegister(engine, new PrivacyOptions()).Tables(), t => t.Name == "gold_churn_scores");
        Assert.True(registered.IsPersonal);
        // Minimisation: the table holds exactly the columns the purpose declares.
        Assert.Equal(ChurnPurpose.Purpose.Columns["gold_churn_scores"], registered.Columns.Select(c => c.Name));

        var erased = new LakeEraser(engine, TestLake.Key, modelRegistry: null).Erase([raw]);

        Assert.Equal(1, erased.Subjects[0].RowsRemoved[ErasureTables.Gold(ChurnScoresTable.Table.Name)]);
        Assert.Equal(0L, Count(engine, $"SELECT count(*) FROM gold_churn_scores WHERE user_id = '{pseudonym}'"));
        Assert.Equal(_world.Scored.Rows - 1, Count(engine, "SELECT count(*) FROM gold_churn_scores"));
    }

    [Fact]
    public void An_as_of_day_that_is_no_snapshot_is_refused_with_the_snapshot_days_and_nothing_is_written()
    {
        var before = Count(_world.Gold.Lake.Engine, "SELECT count(*) FROM gold_partitions");

        var e = Assert.Throws<ArgumentException>(() => new ChurnScoring().Score(_world.ScoringContext, new DateOnly(2019, 11, 20)));

        Assert.Contains("2019-11-20 is not a snapshot day", e.Message, StringComparison.Ordinal);
        Assert.Contains("2019-10-07 to 2019-11-25 (Mondays)", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Count(_world.Gold.Lake.Engine, "SELECT count(*) FROM gold_partitions"));
    }

    [Fact]
    public void Scoring_without_a_champion_says_how_to_get_one()
    {
        using var empty = new TempFolder();

        var e = Assert.Throws<InvalidOperationException>(() => new ChurnScoring().Score(_world.ScoringContext with { Registry = new ModelRegistry(empty.Path) }, null));

        Assert.Contains("eamazing train churn", e.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void Scoring_in_small_batches_writes_the_same_rows_ranked_by_probability_with_the_campaign_taking_the_first_ranks()
    {
        var engine = _world.Gold.Lake.Engine;
        const string Rows = "SELECT user_id, churn_probability, kept_value, campaign_rank, targeted FROM gold_churn_scores ORDER BY user_id";

        var whole = new ChurnScoring().Score(_world.ScoringContext, null);
        var wholeRows = engine.Query(Rows).Rows;
        var batched = new ChurnScoring(batchRows: 7).Score(_world.ScoringContext, null);
        var batchedRows = engine.Query(Rows).Rows;

        Assert.Equal(whole.Lines, batched.Lines);
        Assert.Equal(wholeRows.Count, batchedRows.Count);
        Assert.True(wholeRows.Count > 7, "the tiny world's snapshot spans several batches of 7");
        Assert.All(wholeRows.Zip(batchedRows), p => Assert.Equal(p.First, p.Second));
        // Rank 1 is the highest probability (ties in user order), each rank once; the campaign takes the first ranks.
        var ranked = batchedRows.OrderBy(r => Convert.ToInt32(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => Convert.ToInt32(r[3], CultureInfo.InvariantCulture)));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => (double)p.First[1]! > (double)p.Second[1]!
            || ((double)p.First[1]! == (double)p.Second[1]! && string.CompareOrdinal((string)p.First[0]!, (string)p.Second[0]!) < 0)));
        var targeted = ranked.Count(r => (bool)r[4]!);
        Assert.All(ranked.Take(targeted), r => Assert.True((bool)r[4]!));
    }

    private static long Count(EAmazing.Lake.IGoldEngine engine, string sql) => Convert.ToInt64(engine.Query(sql).Rows[0][0], CultureInfo.InvariantCulture);

    /// <summary>The tiny world (Oct–Nov 2019) in a gold lake, trained and scored once for the class.</summary>
    public sealed class World : IDisposable
    {
        private readonly TempFolder _models = new();

        public World()
        {
            Registry = new ModelRegistry(_models.Path);
            var context = new TrainingContext(Gold.Lake.Engine, Registry, new FeatureOptions(), new LeakageAuditOptions(), new Pseudonymiser(TestLake.Key));
            Outcome = new ChurnModel().Train(context, new TrainingSettings { Families = ["logistic"], TrialsPerFamily = 1, TruthFolder = Truth });
            Registry.Promote(Outcome.Card.Name, Outcome.Card.Version, force: true);
            ScoringContext = new BatchScoringContext(Gold.Lake.Engine, Registry);
            Scored = new ChurnScoring().Score(ScoringContext, null);
        }

        public GoldLake Gold { get; } = new(TinyWorld.Files);

        public string Truth { get; } = Path.Combine(Path.GetDirectoryName(TinyWorld.Files[0])!, TruthFiles.Folder);

        public ModelRegistry Registry { get; }

        public TrainingOutcome Outcome { get; }

        public BatchScoringContext ScoringContext { get; }

        public BatchScoreOutcome Scored { get; }

        /// <summary>A raw user id of the truth file whose pseudonym has a churn score.</summary>
        public (long Raw, string Pseudonym) ScoredPerson(EAmazing.Lake.IGoldEngine lake)
        {
            var scored = lake.Query("SELECT user_id FROM gold_churn_scores").Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            var pseudonymiser = new Pseudonymiser(TestLake.Key);
            using var reader = Rees46FileReader.OpenText(Path.Combine(Truth, TruthFiles.Users));
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var raw = long.Parse(line.Split(',')[0], CultureInfo.InvariantCulture);
                var pseudonym = pseudonymiser.User(raw);
                if (scored.Contains(pseudonym))
                {
                    return (raw, pseudonym);
                }
            }

            throw new InvalidOperationException("no scored person in the tiny world");
        }

        public void Dispose()
        {
            Gold.Dispose();
            _models.Dispose();
        }
    }
}
