using System.Net.Http.Json;
using System.Text.Json;
using EAmazing.Api.Scoring;
using EAmazing.Api.Tests.Support;
using EAmazing.BusinessModels;
using EAmazing.Privacy;
using EAmazing.Privacy.Keys;

namespace EAmazing.Api.Tests.Scoring;

/// <summary>The demo's sample prediction: scored by the serving pipeline in process, the same answer as over HTTP, and no raw id in what it shows.</summary>
[Collection(ServingCollection.Name)]
public sealed class SamplePredictionTests(ServingWorld world)
{
    [Fact]
    public async Task The_sample_is_the_servers_answer_and_shows_the_user_only_as_a_pseudonym()
    {
        var keyFile = Path.Combine(world.Root, "sample-prediction", "pseudonym.key");
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            KeyFile.Write(keyFile, world.Key);
        }

        var owner = BusinessModelCatalog.Default.All.Single(m => m.Scorer?.DefaultModel == ServingWorld.ModelName);
        var body = JsonSerializer.Serialize(Requests.Cart());

        var sample = await SamplePrediction.ScoreAsync(
            [$"--EAmazing:Lake={world.Lake}", $"--EAmazing:Models={world.Models}", $"--EAmazing:PseudonymKeyFile={keyFile}", $"--EAmazing:Serving:ApiKeysFile={world.ApiKeysFile}"],
            owner, body);
        using var factory = new ServingFactory(world);
        var overHttp = await (await factory.Reader().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart())).ReadJson();

        Assert.Equal(200, sample.Status);
        Assert.Equal("/v1/purchase-intent", sample.Route);
        using var answer = JsonDocument.Parse(sample.Response);
        Assert.Equal(overHttp.GetProperty("probability").GetDouble(), answer.RootElement.GetProperty("probability").GetDouble(), 9);
        Assert.Equal(overHttp.GetProperty("decision").GetBoolean(), answer.RootElement.GetProperty("decision").GetBoolean());
        Assert.Equal(overHttp.GetProperty("missing_features").GetArrayLength(), answer.RootElement.GetProperty("missing_features").GetArrayLength());
        using var shown = JsonDocument.Parse(sample.Request);
        Assert.Equal(new Pseudonymiser(world.Key).User(Requests.UserId), shown.RootElement.GetProperty("user_id").GetString());
        Assert.DoesNotContain(Requests.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Request + sample.Response, StringComparison.Ordinal);
    }
}
