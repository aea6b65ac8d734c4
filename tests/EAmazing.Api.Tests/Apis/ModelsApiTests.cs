using System.Net;
using System.Net.Http.Json;
using EAmazing.Api.Tests.Support;

namespace EAmazing.Api.Tests.Apis;

[Collection(ServingCollection.Name)]
public sealed class ModelsApiTests(ServingWorld world) : IDisposable
{
    private readonly ServingFactory _factory = new(world);

    [Fact]
    public async Task The_Registry_Lists_Every_Version_With_Its_Champion()
    {
        var models = await (await _factory.Reader().GetAsync("/v1/models")).ReadJson();

        var model = Assert.Single(models.EnumerateArray());
        Assert.Equal(ServingWorld.ModelName, model.GetProperty("name").GetString());
        Assert.Equal(1, model.GetProperty("champion").GetInt32());
        Assert.Equal(2, model.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task A_Models_Cards_Are_Served_And_An_Unknown_Model_Is_404()
    {
        var cards = await _factory.Reader().GetAsync($"/v1/models/{ServingWorld.ModelName}");
        var unknown = await _factory.Reader().GetAsync("/v1/models/churn-of-the-moon");

        Assert.Equal(HttpStatusCode.OK, cards.StatusCode);
        Assert.Contains("views_before", (await cards.ReadJson())[0].GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_Reader_May_Not_Promote_403()
    {
        var response = await _factory.Reader().PostAsJsonAsync($"/v1/models/{ServingWorld.ModelName}/promote", new { version = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, world.Registry.Champion(ServingWorld.ModelName)!.Version);
    }

    [Fact]
    public async Task An_Admin_Promotes_And_The_Server_Scores_With_The_New_Champion_At_Once()
    {
        try
        {
            var admin = _factory.Admin();
            var promoted = await admin.PostAsJsonAsync($"/v1/models/{ServingWorld.ModelName}/promote", new { version = 2, force = true });
            var prediction = await (await _factory.Reader().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart())).ReadJson();

            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
            Assert.Equal(2, (await promoted.ReadJson()).GetProperty("serving").GetInt32());
            Assert.Equal(2, prediction.GetProperty("version").GetInt32());
            Assert.Equal(2, world.Registry.Champion(ServingWorld.ModelName)!.Version);
        }
        finally
        {
            world.RestoreChampion();
        }
    }

    [Fact]
    public async Task A_Promotion_Without_A_Version_Is_400_And_Of_A_Missing_Version_404()
    {
        var admin = _factory.Admin();

        var noVersion = await admin.PostAsJsonAsync($"/v1/models/{ServingWorld.ModelName}/promote", new { force = true });
        var missing = await admin.PostAsJsonAsync($"/v1/models/{ServingWorld.ModelName}/promote", new { version = 99 });

        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal("version", (await noVersion.ReadJson()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_Promotion_That_Fails_A_Gate_Is_409_With_The_Reasons_And_Changes_Nothing()
    {
        var card = world.Registry.Get(ServingWorld.ModelName, 2);
        world.Registry.Update(card with { RetrainReasons = ["drift ALERT in a test"] });
        try
        {
            var response = await _factory.Admin().PostAsJsonAsync($"/v1/models/{ServingWorld.ModelName}/promote", new { version = 2 });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var body = await response.ReadJson();
            Assert.False(body.GetProperty("promoted").GetBoolean());
            Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("retrain due", StringComparison.Ordinal));
            Assert.Equal(1, world.Registry.Champion(ServingWorld.ModelName)!.Version);
        }
        finally
        {
            world.Registry.Update(world.Registry.Get(ServingWorld.ModelName, 2) with { RetrainReasons = [] });
        }
    }

    public void Dispose() => _factory.Dispose();
}
