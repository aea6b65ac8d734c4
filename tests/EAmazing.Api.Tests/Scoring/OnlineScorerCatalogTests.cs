using System.Net;
using System.Net.Http.Json;
using EAmazing.Api.Security;
using EAmazing.Api.Tests.Support;
using EAmazing.BusinessModels;
using EAmazing.BusinessModels.PurchaseIntent;
using EAmazing.Governance.Audit;
using EAmazing.Models.Data;
using EAmazing.Models.Families;
using EAmazing.Models.Lab;
using EAmazing.Models.Registry;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EAmazing.Api.Tests.Scoring;

/// <summary>A business model added to the catalog is served at its route by the shared pipeline, with no change to the API.</summary>
[Collection(ServingCollection.Name)]
public sealed class OnlineScorerCatalogTests(ServingWorld world) : IDisposable
{
    private readonly string _root = Path.Combine(world.Root, "echo-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Given_A_Second_Model_With_A_Scorer_When_Its_Route_Is_Called_Then_It_Is_Authorised_Scored_Recorded_And_Audited()
    {
        // Given: a registry holding only an echo-score champion, and a catalog with purchase intent and echo.
        var registry = new ModelRegistry(Path.Combine(_root, "models"));
        TrainEcho(registry);
        registry.Promote(EchoModel.RegistryName, 1, force: true);
        var catalog = new BusinessModelCatalog([new PurchaseIntentModel(), new EchoModel()]);
        using var factory = new ServingFactory(world, new Dictionary<string, string?>
        {
            ["EAmazing:Lake"] = Path.Combine(_root, "lake"),
            ["EAmazing:Models"] = registry.Root,
        });
        using var served = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(catalog)));
        const long user = 424_242_001;

        // When
        var anonymous = await served.CreateClient().PostAsJsonAsync("/v1/echo", new { user_id = user, x = 0.9 });
        var reader = served.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", world.ReaderKey.Secret);
        var invalid = await reader.PostAsJsonAsync("/v1/echo", new { user_id = user, x = "high" });
        var missing = await reader.PostAsJsonAsync("/v1/echo", new { user_id = user });
        var response = await reader.PostAsJsonAsync("/v1/echo", new { user_id = user, x = 0.9 });
        var purchaseIntent = await reader.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());
        var borrowed = await reader.PostAsJsonAsync("/v1/purchase-intent", new { model = EchoModel.RegistryName, features = new Dictionary<string, double> { ["cart_price"] = 1 } });

        // Then: the same authentication, problems, response, prediction record and audit entry as purchase intent's.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("x", (await invalid.ReadJson()).GetProperty("field").GetString());
        Assert.Equal("x", (await missing.ReadJson()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJson();
        Assert.Equal(EchoModel.RegistryName, body.GetProperty("model").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.InRange(body.GetProperty("probability").GetDouble(), 0, 1);
        // Served by default because the catalog's scorers name it; purchase intent's route is still mapped (no champion here).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, purchaseIntent.StatusCode);
        // A route scores its own business model's champions only.
        Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
        Assert.Equal("model", (await borrowed.ReadJson()).GetProperty("field").GetString());

        var pseudonym = new Pseudonymiser(world.Key).User(user);
        PredictionRecord? recorded = null;
        for (var attempt = 0; attempt < 50 && recorded is null; attempt++)
        {
            await Task.Delay(100);
            recorded = PredictionLog.Read(Path.Combine(_root, "lake"), EchoModel.RegistryName, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1))
                .FirstOrDefault(p => p.UserPseudonym == pseudonym);
        }

        Assert.NotNull(recorded);
        var auditLog = served.Services.GetRequiredService<AuditLog>();
        Assert.True(auditLog.Flush());
        Assert.Contains(new AuditTrail(auditLog.Path).Read(), e =>
            e.Target == SubjectDigest.Of(pseudonym) && e.Actor == "api-key:" + world.ReaderKey.Record.Id && e.Action == "predict " + EchoModel.RegistryName);

        var document = await (await served.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/echo", out var echo));
        Assert.Equal("PredictEcho", echo.GetProperty("post").GetProperty("operationId").GetString());
    }

    /// <summary>Logistic regression on x over three weeks of rows: enough for the lab's temporal split.</summary>
    private static void TrainEcho(ModelRegistry registry)
    {
        var random = new Random(7);
        var start = new DateTime(2019, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 2100).Select(i => (X: (float)random.NextDouble(), At: start.AddHours(i / 4.0))).ToList();
        var data = new TabularDataset(["x"], rows.Select(r => new[] { r.X }).ToList(), rows.Select(r => r.X + (random.NextDouble() - 0.5) * 0.4 > 0.5).ToList(), rows.Select(r => r.At).ToList());
        var request = new LabRequest
        {
            Task = "echo: x > 0.5",
            Data = data,
            Families = [ModelFamilyCatalog.Find("prior"), ModelFamilyCatalog.Find("logistic")],
            TrialsPerFamily = 1,
            BootstrapResamples = 20,
        };
        LabRecorder.Record(registry, EchoModel.RegistryName, request, ModelLab.Run(request), new LeakageAuditSummary(true, "test model"), [], [], TimeSpan.Zero);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
