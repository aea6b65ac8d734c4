using EAmazing.Core.Tests.Models.Lab;
using EAmazing.Core.Tests.Models.Registry;
using EAmazing.Core.Tests.Support;
using EAmazing.Models.Data;
using EAmazing.Models.Families;
using EAmazing.Models.Registry;

namespace EAmazing.Core.Tests.Models.Families;

/// <summary>Each family reads back what its models save, and scores one row at a time from many threads.</summary>
public sealed class ModelPersistenceTests
{
    public static TheoryData<string> FamilyNames => [.. ModelFamilyCatalog.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void A_Family_Loads_What_Its_Model_Saved_To_The_Same_Probabilities(string name)
    {
        var family = ModelFamilyCatalog.Find(name);
        var data = SyntheticTabular.Create(rows: 800);
        var train = Slice(data, 0, 600);
        var valid = Slice(data, 600, 200);
        var hyperparameters = family.Candidates(1, 7)[0];
        var model = family.Train(train, valid, hyperparameters, 7);

        using var dir = new TempFolder();
        var saved = Directory.CreateDirectory(dir.File("saved")).FullName;
        var file = model.Save(saved);
        var loaded = family.Load(saved, file, data.FeatureNames.Count, model.Hyperparameters);

        Assert.Equal(name, loaded.Family);
        Assert.Equal(model.PredictProbabilities(valid.Features), loaded.PredictProbabilities(valid.Features));

        // The loaded model writes the same file again (the JSON formats byte for byte; ML.NET's zip carries entry times).
        var again = Directory.CreateDirectory(dir.File("again")).FullName;
        Assert.Equal(file, loaded.Save(again));
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(saved, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }
    }

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void One_Row_Scores_From_Many_Threads_Match_The_Batch_Scores(string name)
    {
        var family = ModelFamilyCatalog.Find(name);
        var data = SyntheticTabular.Create(rows: 800);
        var model = family.Train(Slice(data, 0, 600), Slice(data, 600, 200), family.Candidates(1, 7)[0], 7);
        var rows = data.Features;
        var batch = model.PredictProbabilities(rows);

        // Several passes so that threads contend for the same model (and, for ML.NET, its engine pool).
        var single = new float[rows.Count];
        Parallel.For(0, rows.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => single[i % rows.Count] = model.PredictOne(rows[i % rows.Count]));

        Assert.Equal(batch, single);
    }

    [Fact]
    public void Files_In_The_Saved_Formats_Load_And_Are_Written_Again_Byte_For_Byte()
    {
        // The formats registries already hold: these literals must keep loading.
        const string prior = """{"rate":0.25}""";
        const string onerule = """{"feature":1,"featureName":"b","cuts":[0,1],"probabilities":[0.1,0.2,0.3,0.4]}""";
        const string mlp = """{"layers":[2,1,1],"weights":[[1,0],[2]],"biases":[[0],[0]],"mean":[1,0],"scale":[0.5,1]}""";
        float[][] rows = [[3, 5], [9, -1], [9, 0.5f], [float.NaN, float.NaN]];

        var priorModel = LoadLiteral("prior", "prior.json", prior);
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], priorModel.PredictProbabilities(rows));

        var oneRuleModel = LoadLiteral("onerule", "onerule.json", onerule);
        Assert.Equal([0.3f, 0.1f, 0.2f, 0.4f], oneRuleModel.PredictProbabilities(rows));

        // Standardised input (3 - 1) * 0.5 = 1, hidden ReLU(1) = 1, output sigmoid(2); a missing input is 0, so ReLU(-0.5) = 0 and sigmoid(0).
        var mlpModel = LoadLiteral("mlp", "mlp.json", mlp);
        Assert.Equal((float)(1 / (1 + Math.Exp(-2))), mlpModel.PredictOne(rows[0]));
        Assert.Equal(0.5f, mlpModel.PredictOne(rows[3]));
    }

    [Fact]
    public void A_Card_Naming_An_Unknown_Family_Is_Invalid_Data_Naming_The_Family_And_The_Card()
    {
        using var dir = new TempFolder();
        var card = PromotionDecisionTests.Card(0.7, 0.68) with { Family = "xgboost" };

        var error = Assert.Throws<InvalidDataException>(() => TrainedModelStore.Load(dir.Path, card));

        Assert.Contains("'xgboost'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{card.Name} v{card.Version}", error.Message, StringComparison.Ordinal);
    }

    private static ITrainedModel LoadLiteral(string family, string file, string json)
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File(file), json);
        var model = ModelFamilyCatalog.Find(family).Load(dir.Path, file, 2, new Dictionary<string, string>());
        var again = Directory.CreateDirectory(dir.File("again")).FullName;
        Assert.Equal(file, model.Save(again));
        Assert.Equal(json, File.ReadAllText(Path.Combine(again, file)));
        return model;
    }

    private static TabularDataset Slice(TabularDataset data, int start, int count) => new(
        data.FeatureNames,
        data.Features.Skip(start).Take(count).ToArray(),
        data.Labels.Skip(start).Take(count).ToArray(),
        data.AsOf.Skip(start).Take(count).ToArray());
}
