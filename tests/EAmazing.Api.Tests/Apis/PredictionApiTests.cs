using System.Net;
using System.Net.Http.Json;
using EAmazing.Api.Tests.Support;
using EAmazing.Api.Security;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using EAmazing.Governance.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace EAmazing.Api.Tests.Apis;

[Collection(ServingCollection.Name)]
public sealed class PredictionApiTests(ServingWorld world) : IDisposable
{
    private readonly ServingFactory _factory = new(world);

    [Fact]
    public async Task A_Reader_Gets_A_Probability_A_Decision_At_The_Cards_Threshold_And_The_Model_Version()
    {
        var response = await _factory.Reader().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJson();
        var card = world.Registry.Get(ServingWorld.ModelName, 1);
        var probability = body.GetProperty("probability").GetDouble();
        Assert.Equal(ServingWorld.ModelName, body.GetProperty("model").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.InRange(probability, 0, 1);
        Assert.Equal(card.Threshold, body.GetProperty("threshold").GetDouble(), 6);
        Assert.Equal(probability >= card.Threshold, body.GetProperty("decision").GetBoolean());
    }

    [Fact]
    public async Task A_Features_Object_Alone_Is_A_Cart_Context()
    {
        var response = await _factory.Reader().PostAsJsonAsync("/v1/purchase-intent", new { features = new Dictionary<string, double> { ["views_before"] = 3, ["cart_price"] = 50 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJson();
        var missing = body.GetProperty("missing_features").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.DoesNotContain("views_before", missing);
        Assert.Contains("past_sessions", missing);
        Assert.True(body.GetProperty("degraded").GetBoolean());
        Assert.StartsWith($"degraded: {missing.Count} feature(s)", body.GetProperty("decision_basis").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_Key_Is_401_And_An_Unknown_Key_Is_401()
    {
        var anonymous = await _factory.CreateClient().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());
        var forged = await _factory.WithKey("eak_00000000_forged").PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"user_id": 5, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2}}""", "cart.price")]
    [InlineData("""{"user_id": "five", "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2, "price": 1}}""", "user_id")]
    [InlineData("""{"cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2, "price": 1}}""", "user_id")]
    [InlineData("""{"user_id": 5, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2, "price": 1}, "session": [{"time": "2019-11-20T10:00:00Z", "type": "look", "product_id": 1, "category_id": 2}]}""", "session[0].type")]
    [InlineData("""{"user_id": 5, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2, "price": 1}, "session": [{"time": "yesterday"}]}""", "session[0].time")]
    [InlineData("""{"features": {"shoe_size": 42}}""", "features.shoe_size")]
    [InlineData("""{"features": {"views_before": "three"}}""", "features.views_before")]
    [InlineData("""{}""", "cart")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{"cart": """, "cart")]
    [InlineData("", "body")]
    public async Task Invalid_Input_Is_A_400_Problem_Naming_The_Field(string body, string field)
    {
        var response = await _factory.Reader().PostAsync("/v1/purchase-intent", Requests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJson();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_Body_Over_The_Size_Limit_Is_413()
    {
        var huge = "{\"features\": {\"views_before\": 1}, \"pad\": \"" + new string('x', 300 * 1024) + "\"}";

        var response = await _factory.Reader().PostAsync("/v1/purchase-intent", Requests.Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Too_Many_Requests_For_One_Key_Are_429()
    {
        using var limited = new ServingFactory(world, new Dictionary<string, string?>
        {
            ["EAmazing:Serving:RequestsPerSecondPerKey"] = "1",
            ["EAmazing:Serving:BurstPerKey"] = "2",
        });
        var client = limited.Reader();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Every_Prediction_Is_Recorded_And_Audited_Pseudonymously()
    {
        const long user = 777_000_123;
        var response = await _factory.Reader().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pseudonym = new EAmazing.Privacy.Pseudonymiser(world.Key).User(user);

        PredictionRecord? recorded = null;
        for (var attempt = 0; attempt < 50 && recorded is null; attempt++)
        {
            await Task.Delay(100);
            recorded = PredictionLog.Read(world.Lake, ServingWorld.ModelName, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1))
                .FirstOrDefault(p => p.UserPseudonym == pseudonym);
        }

        Assert.NotNull(recorded);
        Assert.Equal(1, recorded!.Version);
        var auditLog = _factory.Services.GetRequiredService<AuditLog>();
        Assert.True(auditLog.Flush());
        var trail = new AuditTrail(auditLog.Path);
        Assert.True(trail.Verify().Intact);
        Assert.Contains(trail.Read(), e => e.Target == SubjectDigest.Of(pseudonym) && e.Actor == "api-key:" + world.ReaderKey.Record.Id && e.Action.StartsWith("predict", StringComparison.Ordinal));
        var audit = await File.ReadAllTextAsync(auditLog.Path);
        Assert.DoesNotContain(pseudonym, audit);
        var logs = Directory.EnumerateFiles(Path.Combine(world.Lake, "monitoring"), "*", SearchOption.AllDirectories).Append(auditLog.Path);
        foreach (var file in logs)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(user.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
            Assert.DoesNotContain(world.ReaderKey.Secret, text);
        }
    }

    public void Dispose() => _factory.Dispose();
}
