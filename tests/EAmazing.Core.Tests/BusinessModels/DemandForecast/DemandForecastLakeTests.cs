using System.Globalization;
using System.IO.Compression;
using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.DemandForecast.Methods;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Foundation.Randomness;
using EAmazing.Governance.Register;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using EAmazing.Sources.Synthetic.Truth;
using MathNet.Numerics.Distributions;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

/// <summary>
/// The whole path on a real lake: REES46 rows of eight categories whose daily purchases are Poisson around a weekly
/// pattern, ingested, gold built, <c>train forecast</c> (backtest, oracle from a truth file, conformal bands, registry),
/// promotion through the forecast gates, and the forecast written to gold as an aggregate the register lists.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DemandForecastLakeTests : IClassFixture<DemandForecastLakeTests.ForecastLake>
{
    private readonly ForecastLake _lake;

    public DemandForecastLakeTests(ForecastLake lake) => _lake = lake;

    [Fact]
    public void Training_registers_a_forecast_card_with_the_backtest_the_oracle_and_measured_coverage()
    {
        var card = _lake.Outcome.Card;

        Assert.Equal(TaskKind.Forecast, card.Kind);
        Assert.Equal(DemandForecastMetrics.MaseH7, card.PrimaryMetric);
        Assert.Equal(["2019-10-20 2019-10-27 2019-11-03"], [card.Hyperparameters["origins"]]);
        var primary = card.Primary!;
        Assert.True(primary.Value.Lower <= primary.Value.Estimate && primary.Value.Estimate <= primary.Value.Upper);
        Assert.Equal(ForecastMethods.Names.Count + PanelMethods.Names.Count, card.Families.Count);
        Assert.Contains(global::EAmazing.BusinessModels.DemandForecast.Boosting.GradientBoostedMethod.MethodName, card.Families.Keys);
        Assert.True(primary.Value.Estimate <= card.Families[SeasonalNaiveMethod.MethodName]);
        // Poisson noise around a stable weekly pattern: smoothing beats repeating last week's noise.
        Assert.True(primary.Value.Estimate < 0.9 * card.Families[SeasonalNaiveMethod.MethodName], string.Join("; ", card.Families.Select(f => $"{f.Key} {f.Value:0.000}")) + $" oracle {card.Oracle}");
        // The world's expectation is the floor no method goes below.
        Assert.NotNull(card.Oracle);
        Assert.True(card.Oracle!.Estimate < primary.Value.Estimate, $"oracle {card.Oracle} vs {primary}");
        Assert.All(ConformalBands.StandardLevels, level => Assert.InRange(card.Estimates.Single(e => e.Name == DemandForecastMetrics.Coverage(level)).Value.Estimate, 0, 1));
        var folder = _lake.Registry.VersionFolder(card.Name, card.Version);
        Assert.True(File.Exists(Path.Combine(folder, "report", "forecast-category.png")));
        Assert.Contains("Backtest: purchases", File.ReadAllText(Path.Combine(folder, "report", "index.html")));
        Assert.Equal(card.Family, DemandForecastFit.Load(folder).Method);
        Assert.Contains(_lake.Outcome.Comparison.Rows, r => r[0] == DemandForecastTraining.Oracle);
    }

    [Fact]
    public void The_gates_judge_coverage_within_three_points_of_nominal()
    {
        var decision = new DemandForecastModel().Evaluator.Evaluate(_lake.Outcome.Card);

        Assert.Contains(decision.Reasons, r => r.StartsWith("coverage_80 ", StringComparison.Ordinal));
        Assert.Contains(decision.Reasons, r => r.StartsWith("coverage_95 ", StringComparison.Ordinal));
        var off = _lake.Outcome.Card with
        {
            Estimates = [.. _lake.Outcome.Card.Estimates.Where(e => e.Name != DemandForecastMetrics.Coverage80), new NamedEstimate(DemandForecastMetrics.Coverage80, new(0.70, 0.65, 0.75))],
        };
        Assert.False(new DemandForecastModel().Evaluator.Evaluate(off).Allowed);
    }

    [Fact]
    public void A_horizon_the_history_cannot_backtest_is_refused_naming_the_longest_it_can()
    {
        var training = new DemandForecastTraining(_lake.Context);

        var e = Assert.Throws<ArgumentException>(() => training.Run(new DemandForecastRequest(45, 4, ForecastMethods.All, 46, null)));

        Assert.Contains("--horizon 40 or less", e.Message);
    }

    [Fact]
    public void The_forecast_goes_to_gold_as_an_aggregate_with_ordered_finite_bands_that_the_register_lists()
    {
        var outcome = _lake.Written;
        var engine = _lake.Gold.Lake.Engine;

        Assert.Equal((8 + 2) * 3 * 28, outcome.Rows);
        Assert.EndsWith("month=2019-12/demand_forecast.parquet", outcome.Partition.Replace('\\', '/'), StringComparison.Ordinal);
        var check = engine.Query("""
            SELECT count(*) FILTER (WHERE NOT (lower_95 <= lower_80 AND lower_80 <= forecast AND forecast <= upper_80 AND upper_80 <= upper_95 AND lower_95 >= 0)),
                   count(*) FILTER (WHERE isnan(forecast) OR isnan(upper_95)), min(day), max(day), count(DISTINCT target)
            FROM gold_demand_forecast
            """).Rows[0];
        Assert.Equal(0L, Convert.ToInt64(check[0], CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(check[1], CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2019, 12, 1), check[2]);
        Assert.Equal(new DateOnly(2019, 12, 28), check[3]);
        Assert.Equal(3L, Convert.ToInt64(check[4], CultureInfo.InvariantCulture));
        var registered = Assert.Single(new ProcessingRegister(engine, new PrivacyOptions()).Tables(), t => t.Name == "gold_demand_forecast");
        Assert.False(registered.IsPersonal);
        Assert.Equal(DemandForecastTable.Columns, registered.Columns.Select(c => c.Name));
        Assert.Contains("gold_demand_forecast", new ProcessingRegister(engine, new PrivacyOptions()).ToMarkdown(DateTime.UtcNow).Split("Aggregates without identifiers")[1]);
    }

    [Fact]
    public void A_horizon_beyond_the_calibrated_one_writes_nothing_and_names_the_limit()
    {
        var writer = new DemandForecastWriting();

        var e = Assert.Throws<ArgumentException>(() => writer.Write(new BatchScoringContext(_lake.Gold.Lake.Engine, _lake.Registry), 35));

        Assert.Contains("--horizon 28 or less", e.Message);
    }

    public sealed class ForecastLake : IDisposable
    {
        public static readonly double[] WeekFactor = [0.8, 0.9, 1.0, 1.0, 1.1, 1.4, 0.8];

        private readonly TempFolder _data = new();
        private readonly TempFolder _models = new();

        public ForecastLake()
        {
            // Eight categories under two top-level codes, Oct–Nov 2019: purchases Poisson(rate × weekday factor), each a view then a purchase.
            var random = new SeededRandom(21);
            var start = new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc);
            var lines = new List<(DateTime Time, string Line)>();
            var truth = new List<string> { TruthFiles.DemandHeader };
            var session = 0;
            for (var c = 0; c < 8; c++)
            {
                var category = 2_053_013_555_000_000_000L + c;
                var code = (c < 4 ? "electronics" : "appliances") + ".item" + c.ToString(CultureInfo.InvariantCulture);
                var rate = 3.0 + (2 * c);
                for (var d = 0; d < 61; d++)
                {
                    var day = start.AddDays(d);
                    var expected = rate * WeekFactor[(int)day.DayOfWeek == 0 ? 6 : (int)day.DayOfWeek - 1];
                    truth.Add(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{category},{code},{expected:0.####},{expected:0.####}"));
                    var count = Poisson.Sample(random, expected);
                    for (var i = 0; i < count; i++)
                    {
                        var time = day.AddSeconds(random.Next(86_000));
                        var id = string.Create(CultureInfo.InvariantCulture, $"{session++:x8}-0000-4000-8000-000000000000");
                        var user = 700_000_000L + random.Next(3_000);
                        lines.Add((time, Line(time, "view", category, code, user, id)));
                        lines.Add((time.AddSeconds(20), Line(time.AddSeconds(20), "purchase", category, code, user, id)));
                    }
                }
            }

            var file = EventFiles.Write(Path.Combine(_data.Path, "2019-Oct-Nov.csv"), lines.OrderBy(l => l.Time).Select(l => l.Line));
            var truthFolder = Path.Combine(_data.Path, "truth");
            Directory.CreateDirectory(truthFolder);
            using (var gz = new StreamWriter(new GZipStream(File.Create(Path.Combine(truthFolder, TruthFiles.DemandDaily)), CompressionLevel.Fastest)))
            {
                gz.Write(string.Join('\n', truth) + "\n");
            }

            Gold = new GoldLake([file]);
            Registry = new ModelRegistry(_models.Path);
            Context = new TrainingContext(Gold.Lake.Engine, Registry, new FeatureOptions(), new LeakageAuditOptions(), null);
            Outcome = new DemandForecastModel().Train(Context, new TrainingSettings { TruthFolder = truthFolder });
            Registry.Promote(Outcome.Card.Name, Outcome.Card.Version, force: true);
            Written = new DemandForecastWriting().Write(new BatchScoringContext(Gold.Lake.Engine, Registry), 28);
        }

        public GoldLake Gold { get; }

        public ModelRegistry Registry { get; }

        public TrainingContext Context { get; }

        public TrainingOutcome Outcome { get; }

        public BatchScoreOutcome Written { get; }

        public void Dispose()
        {
            Gold.Dispose();
            _data.Dispose();
            _models.Dispose();
        }

        private static string Line(DateTime time, string type, long category, string code, long user, string session) =>
            string.Join(',', time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), type, (1_000_000 + (category % 100)).ToString(CultureInfo.InvariantCulture),
                category.ToString(CultureInfo.InvariantCulture), code, "brand", "10.00", user.ToString(CultureInfo.InvariantCulture), session);
    }

    private sealed class SeededRandom(ulong seed) : Random
    {
        private Xoshiro256 _rng = Xoshiro256.For(seed, 0xD3A);

        public override double NextDouble() => _rng.NextDouble();

        public override int Next(int maxValue) => _rng.NextInt(maxValue);

        protected override double Sample() => _rng.NextDouble();
    }
}
