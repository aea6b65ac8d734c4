using System.Globalization;
using EAmazing.BusinessModels.CustomerValue;
using EAmazing.Core.Tests.Governance;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Governance.Erasure;
using EAmazing.Governance.Register;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using MathNet.Numerics.Distributions;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

/// <summary>
/// The whole path on a real lake: REES46 rows of customers who buy as the BG/NBD and Gamma–Gamma models say, ingested,
/// gold built, <c>train value</c> (fit, holdout, baselines, registry), <c>score customers</c> into gold, and erasure.
/// </summary>
public sealed class CustomerValueLakeTests : IClassFixture<CustomerValueLakeTests.ValueLake>
{
    private readonly ValueLake _lake;

    public CustomerValueLakeTests(ValueLake lake) => _lake = lake;

    [Fact]
    public void Training_Registers_A_Forecast_Card_That_Beats_The_Naive_Baseline_On_The_Holdout()
    {
        var card = _lake.Outcome.Card;

        Assert.Equal(TaskKind.Forecast, card.Kind);
        Assert.Equal(CustomerValueMetrics.PurchasesMae, card.PrimaryMetric);
        Assert.Equal(new DateTime(2019, 11, 3, 0, 0, 0, DateTimeKind.Utc), card.Data.TestFrom);
        Assert.Equal(card.Data.TestFrom.AddDays(28), card.Data.TestTo);
        Assert.Equal(2, card.Baselines.Count);
        var primary = card.Primary!;
        Assert.True(primary.Value.Lower <= primary.Value.Estimate && primary.Value.Estimate <= primary.Value.Upper);
        Assert.True(primary.Value.Estimate < card.Baselines[CustomerValueTraining.Naive], $"{primary} vs naive {card.Baselines[CustomerValueTraining.Naive]}");
        var folder = _lake.Registry.VersionFolder(card.Name, card.Version);
        Assert.True(File.Exists(Path.Combine(folder, "report", "frequency-groups.png")));
        Assert.Contains("Predicted vs actual", File.ReadAllText(Path.Combine(folder, "report", "index.html")));
        Assert.True(CustomerValueFit.Load(folder).Purchases.IsValid);
    }

    [Fact]
    public void A_Calibration_End_Whose_Holdout_Is_Incomplete_Is_Refused_With_The_Date_It_Needs()
    {
        var training = new CustomerValueTraining(_lake.Context);
        var request = new CustomerValueRequest(new DateTime(2019, 11, 20, 0, 0, 0, DateTimeKind.Utc), 28, 90, 46, null, new());

        var e = Assert.Throws<ArgumentException>(() => training.Run(request));

        Assert.Contains("2019-11-03", e.Message);
        Assert.Contains("2019-11-30", e.Message);
    }

    [Fact]
    public void Scoring_Writes_Pseudonymised_Customers_To_Gold_Which_Erasure_Register_And_Export_Cover()
    {
        var outcome = _lake.Scored;
        var engine = _lake.Gold.Lake.Engine;
        var person = _lake.Buyers[0];
        var pseudonym = new Pseudonymiser(TestLake.Key).User(person);

        Assert.Equal(_lake.Buyers.Count, outcome.Rows);
        Assert.EndsWith("month=2019-11/customer_scores.parquet", outcome.Partition.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(1L, Convert.ToInt64(engine.Query($"SELECT count(*) FROM gold_customer_scores WHERE user_id = '{pseudonym}'").Rows[0][0], CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(engine.Query($"SELECT count(*) FROM gold_customer_scores WHERE user_id = '{person}'").Rows[0][0], CultureInfo.InvariantCulture));
        var alive = engine.Query("SELECT min(probability_alive), max(probability_alive), min(expected_value) FROM gold_customer_scores").Rows[0];
        Assert.InRange(Convert.ToDouble(alive[0], CultureInfo.InvariantCulture), 0, 1);
        Assert.Equal(1.0, Convert.ToDouble(alive[1], CultureInfo.InvariantCulture), 9);
        Assert.True(Convert.ToDouble(alive[2], CultureInfo.InvariantCulture) >= 0);
        var registered = Assert.Single(new ProcessingRegister(engine, new PrivacyOptions()).Tables(), t => t.Name == "gold_customer_scores");
        Assert.True(registered.IsPersonal);
        // Minimisation: the table holds exactly the columns the purpose declares.
        Assert.Equal(CustomerValuePurpose.Purpose.Columns["gold_customer_scores"], registered.Columns.Select(c => c.Name));

        var erased = new LakeEraser(engine, TestLake.Key, modelRegistry: null).Erase([person]);

        Assert.Equal(1, erased.Subjects[0].RowsRemoved[ErasureTables.Gold(CustomerScoresTable.Table.Name)]);
        Assert.Equal(0L, Convert.ToInt64(engine.Query($"SELECT count(*) FROM gold_customer_scores WHERE user_id = '{pseudonym}'").Rows[0][0], CultureInfo.InvariantCulture));
        Assert.Equal(_lake.Buyers.Count - 1, Convert.ToInt64(engine.Query("SELECT count(*) FROM gold_customer_scores").Rows[0][0], CultureInfo.InvariantCulture));
    }

    public sealed class ValueLake : IDisposable
    {
        private readonly TempFolder _data = new();
        private readonly TempFolder _models = new();

        public ValueLake()
        {
            // 500 customers who buy as the models say, over October and November 2019: one session per purchase.
            var random = new BgNbdSimulation.SeededRandom(19);
            var start = new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc);
            var lines = new List<(DateTime Time, string Line)>();
            var buyers = new List<long>();
            for (var i = 0; i < 500; i++)
            {
                var user = 600_000_000L + (i * 7L);
                var rate = Gamma.Sample(random, 1.2, 12.0);
                var dropout = Beta.Sample(random, 1.5, 6.0);
                var nu = Gamma.Sample(random, 4.0, 200.0);
                var t = random.NextDouble() * 30;
                var purchases = 0;
                while (t < 61)
                {
                    var time = start.AddSeconds(Math.Floor(t * 86_400));
                    var session = string.Create(CultureInfo.InvariantCulture, $"{i:x8}-{purchases:x4}-4000-8000-000000000000");
                    var price = (decimal)Math.Round(Gamma.Sample(random, 5.0, nu), 2) + 1m;
                    lines.Add((time, PeopleLake.Line(time, "view", 1_000_001, price, user, session)));
                    lines.Add((time.AddSeconds(30), PeopleLake.Line(time.AddSeconds(30), "purchase", 1_000_001, price, user, session)));
                    purchases++;
                    if (purchases > 1 && random.NextDouble() < dropout)
                    {
                        break;
                    }

                    t += Exponential.Sample(random, rate);
                }

                buyers.Add(user); // every customer's first purchase falls in October
            }

            // The lake's last day is complete: a final view on 30 November late.
            lines.Add((new DateTime(2019, 11, 30, 23, 50, 0, DateTimeKind.Utc), PeopleLake.Line(new DateTime(2019, 11, 30, 23, 50, 0, DateTimeKind.Utc), "view", 1_000_002, 5m, 999_999_999, Guid.Empty.ToString("D"))));
            var file = EventFiles.Write(Path.Combine(_data.Path, "2019-Oct-Nov.csv"), lines.OrderBy(l => l.Time).Select(l => l.Line));
            Buyers = buyers;
            Gold = new GoldLake([file]);
            Registry = new ModelRegistry(_models.Path);
            Context = new TrainingContext(Gold.Lake.Engine, Registry, new FeatureOptions(), new LeakageAuditOptions(), new Pseudonymiser(TestLake.Key));
            Outcome = new CustomerValueModel().Train(Context, new TrainingSettings());
            Registry.Promote(Outcome.Card.Name, Outcome.Card.Version, force: true);
            Scored = new CustomerScoring().Score(new BatchScoringContext(Gold.Lake.Engine, Registry), new DateOnly(2019, 12, 1));
        }

        public GoldLake Gold { get; }

        public ModelRegistry Registry { get; }

        public TrainingContext Context { get; }

        public IReadOnlyList<long> Buyers { get; }

        public TrainingOutcome Outcome { get; }

        public BatchScoreOutcome Scored { get; }

        public void Dispose()
        {
            Gold.Dispose();
            _data.Dispose();
            _models.Dispose();
        }
    }
}
