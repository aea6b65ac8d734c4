using EAmazing.Core.Tests.Support;
using EAmazing.Sources.Synthetic;
using EAmazing.BusinessModels.PurchaseIntent;
using EAmazing.Models.Registry;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Models.Business;
using EAmazing.Privacy;

namespace EAmazing.Core.Tests.BusinessModels.PurchaseIntent;

/// <summary>The whole path on generated data: generate → ingest → gold → every family → registry version.</summary>
public sealed class PurchaseIntentTrainingTests : IClassFixture<PurchaseIntentTrainingTests.TrainedLake>
{
    private readonly TrainedLake _lake;

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public PurchaseIntentTrainingTests(TrainedLake lake, Xunit.Abstractions.ITestOutputHelper output)
    {
        _lake = lake;
        _output = output;
    }

    [Fact]
    public void Cart_Task_Trains_Every_Family_With_An_Oracle_And_A_Clean_Audit()
    {
        var (result, card, audit) = _lake.Cart;
        foreach (var f in result.Families)
        {
            _output.WriteLine($"{f.Family}: valid {f.ValidationAuc:0.000} test {f.Test.RocAuc} oracle ratio {f.OracleRatio:0.000}");
        }

        _output.WriteLine($"oracle {result.OracleAuc}; rows {result.TrainRows}/{result.ValidationRows}/{result.TestRows}; {audit.Summary}");

        Assert.True(audit.Passed, audit.Summary);
        Assert.Equal(8, result.Families.Count);
        Assert.NotNull(result.OracleAuc);
        Assert.InRange(result.OracleAuc!.Estimate, 0.55, 0.95);
        Assert.All(result.Families, f => Assert.NotNull(f.OracleRatio));
        Assert.Equal(ModelStatus.Candidate, card.Status);
        Assert.Contains("views_before", card.Features);
        Assert.DoesNotContain("label_purchase", card.Features);
        Assert.DoesNotContain("user_id", card.Features);
        Assert.True(File.Exists(Path.Combine(_lake.Registry.VersionFolder(card.Name, card.Version), "report", "index.html")));
    }

    [Fact]
    public void No_Model_Scores_Above_The_Leakage_Line_On_Honest_Features()
    {
        var (result, _, _) = _lake.Cart;
        Assert.All(result.Families, f => Assert.True(f.Test.RocAuc.Estimate < 0.9, $"{f.Family}: {f.Test.RocAuc}"));
    }

    [Fact]
    public void Beyond_max_rows_it_trains_and_tests_on_a_user_sample_that_the_card_states()
    {
        var labelled = _lake.Gold.Lake.Count($"SELECT count(*) FROM {GoldTables.CartPredictionPoints.ViewName} WHERE {PurchaseIntentTask.Cart.Label} IS NOT NULL");
        var settings = new TrainingSettings
        {
            Families = ["logistic"], TrialsPerFamily = 1, TruthFolder = _lake.Truth,
            Parameters = new Dictionary<string, string> { [PurchaseIntentModel.MaxRows.Name] = (labelled / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

        var outcome = new PurchaseIntentModel().Train(_lake.Context, settings);

        UserSampleCard.AssertStated(outcome.Card, labelled);
        Assert.Throws<ArgumentException>(() => new PurchaseIntentModel().Train(_lake.Context, settings with { Parameters = new Dictionary<string, string> { [PurchaseIntentModel.MaxRows.Name] = "99" } }));
    }

    public sealed class TrainedLake : IDisposable
    {
        private readonly TempFolder _data = new();
        private readonly TempFolder _models = new();
        private readonly GoldLake _gold;

        public TrainedLake()
        {
            // Demo-scale October: enough cart sessions for three temporal windows.
            var generated = new DatasetGenerator(new GeneratorOptions
            {
                Scale = GenerationScale.Demo,
                Months = MonthWindow.TryParse("2019-10", out var w, out _) ? w : null,
                OutputDirectory = _data.Path,
            }).Run();
            _gold = new GoldLake(generated.Files.Select(f => f.Path));
            Registry = new ModelRegistry(_models.Path);
            Context = new TrainingContext(_gold.Lake.Engine, Registry, new FeatureOptions(), new LeakageAuditOptions(), new Pseudonymiser(TestLake.Key));
            Cart = new PurchaseIntentTraining(Context).Run(PurchaseIntentTask.Cart, new PurchaseIntentOptions { TrialsPerFamily = 1, TruthFolder = Truth });
        }

        public ModelRegistry Registry { get; }

        public TrainingContext Context { get; }

        public GoldLake Gold => _gold;

        public string Truth => Path.Combine(_data.Path, "truth");

        public (EAmazing.Models.Lab.LabResult Result, ModelCard Card, LeakageAuditSummary Audit) Cart { get; }

        public void Dispose()
        {
            _gold.Dispose();
            _data.Dispose();
            _models.Dispose();
        }
    }
}
