using EAmazing.Api.Security;
using EAmazing.Features;
using EAmazing.Sources.Synthetic;
using EAmazing.Ingestion;
using EAmazing.Engine.DuckDb;
using EAmazing.Models.Families;
using EAmazing.Models.Lab;
using EAmazing.BusinessModels.PurchaseIntent;
using EAmazing.Models.Data;
using EAmazing.Models.Registry;
using EAmazing.Privacy;

namespace EAmazing.Api.Tests.Support;

/// <summary>
/// Built once for every serving test: a generated Oct–Nov 2019 world (demo scale, so drift windows hold
/// thousands of carts) ingested into a lake with the cart gold table, two registered versions of
/// purchase-intent-cart (v1 logistic, champion; v2 fasttree) and a reader and an admin API key.
/// </summary>
public sealed class ServingWorld : IServingTestWorld, IDisposable
{
    public const string TestKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string ModelName = "purchase-intent-cart";

    public ServingWorld()
    {
        Root = Path.Combine(Path.GetTempPath(), "eamazing-serving-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        PseudonymKey.TryParseHex(TestKeyHex, out var key, out _);
        Key = key!;

        var generated = new DatasetGenerator(new GeneratorOptions
        {
            Scale = GenerationScale.Demo,
            Months = MonthWindow.TryParse("2019-10..2019-11", out var window, out _) ? window : null,
            OutputDirectory = Path.Combine(Root, "data"),
        }).Run();

        using (var lake = DuckDbLake.Open(Lake))
        {
            var ingestor = new LakeIngestor(lake, Key, new IngestOptions
            {
                LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                // Silver split by users as at full scale (October into 2 buckets, November into 4), so the server's
                // history and the gold build read buckets across months of different splits.
                SilverBucketRows = 400_000,
            });
            foreach (var file in generated.Files)
            {
                ingestor.IngestFile(file.Path);
            }

            new FeatureBuilder(lake, new FeatureOptions()).Build(new FeatureBuildRequest(Tables: [GoldTables.CartPredictionPoints]));
            var (data, _) = GoldFeatureLoader.Load(lake, GoldTables.CartPredictionPoints, "label_purchase");
            Registry = new ModelRegistry(Models);
            Train(data, "logistic");
            Train(data, "fasttree");
        }

        Registry.Promote(ModelName, 1, force: true);
        var keys = new ApiKeyStore(ApiKeysFile);
        ReaderKey = keys.Create(ApiRoles.Reader, "tests reader");
        AdminKey = keys.Create(ApiRoles.Admin, "tests admin");
    }

    public string Root { get; }

    public string Lake => Path.Combine(Root, "lake");

    public string Models => Path.Combine(Root, "models");

    public string ApiKeysFile => Path.Combine(Root, "config", "api-keys.json");

    public PseudonymKey Key { get; }

    public ModelRegistry Registry { get; }

    public CreatedApiKey ReaderKey { get; }

    public CreatedApiKey AdminKey { get; }

    /// <summary>Makes <paramref name="version"/> champion again (tests that promote leave the world as they found it).</summary>
    public void RestoreChampion(int version = 1) => Registry.Promote(ModelName, version, force: true);

    /// <summary>
    /// Writes <paramref name="rows"/> (SQL tuples in the order of <paramref name="columns"/>) as the month's partition of a gold
    /// table, as a scorer leaves it on disk (the API reads the files, so no catalog row is needed), replacing any earlier one.
    /// </summary>
    public void WriteGoldPartition(string table, string month, IReadOnlyList<string> columns, IEnumerable<string> rows)
    {
        using var lake = DuckDbLake.Open(Lake);
        var target = lake.Layout.Full(GoldLayout.Partition(table, month));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        lake.WriteParquet($"SELECT * FROM (VALUES {string.Join(", ", rows)}) AS t({string.Join(", ", columns)})", target);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private void Train(EAmazing.Models.Data.TabularDataset data, string family)
    {
        var request = new LabRequest
        {
            Task = PurchaseIntentTask.Cart.Description,
            Data = data,
            Families = [ModelFamilyCatalog.Find("prior"), ModelFamilyCatalog.Find(family)],
            TrialsPerFamily = 1,
            BootstrapResamples = 20,
        };
        var result = ModelLab.Run(request);
        LabRecorder.Record(Registry, ModelName, request, result, new LeakageAuditSummary(true, "serving test fixture: audit not run"), [GoldTables.CartPredictionPoints.Name], [], TimeSpan.Zero);
    }
}

[CollectionDefinition(Name)]
public sealed class ServingCollection : ICollectionFixture<ServingWorld>
{
    public const string Name = "serving world";
}
