using EAmazing.Api.Security;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Ingestion;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using EAmazing.Sources.Synthetic;

namespace EAmazing.Api.Tests.Support;

/// <summary>
/// Built once for the recommendation endpoint's tests: a tiny generated world (October 2019) ingested into its own lake
/// and two next-item versions trained on it as <c>train recommender</c> trains them: v1 session kNN (champion), v2 the
/// recurrent network (served by reranking co-visitation candidates); a reader and an admin key. Seconds, not minutes.
/// </summary>
public sealed class RecommendationWorld : IServingTestWorld, IDisposable
{
    public RecommendationWorld()
    {
        Root = Path.Combine(Path.GetTempPath(), "eamazing-recommendation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        PseudonymKey.TryParseHex(ServingWorld.TestKeyHex, out var key, out _);
        Key = key!;
        var generated = new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Seed = 5, OutputDirectory = Path.Combine(Root, "data") }).Run();
        Registry = new ModelRegistry(Models);
        using (var lake = DuckDbLake.Open(Lake))
        {
            var ingestor = new LakeIngestor(lake, Key, new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            foreach (var file in generated.Files)
            {
                ingestor.IngestFile(file.Path);
            }

            var context = new TrainingContext(lake, Registry, new FeatureOptions(), new LeakageAuditOptions(), null);
            foreach (var method in new[] { "vsknn", "gru4rec" })
            {
                new RecommendationModel().Train(context, new TrainingSettings { Families = [method], TrialsPerFamily = 1 });
            }
        }

        Registry.Promote(RecommendationModel.RegistryName, 1, force: true);
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

    public string VersionFolder(int version) => Registry.VersionFolder(RecommendationModel.RegistryName, version);

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
}
