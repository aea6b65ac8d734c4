using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EAmazing.Api.Security;
using EAmazing.Api.Tests.Support;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Serving;
using EAmazing.Models.Business;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace EAmazing.Api.Tests.Apis;

/// <summary><c>POST /v1/recommendations</c> served by the real server from next-item versions trained on a tiny world.</summary>
public sealed class RecommendationsApiTests(RecommendationWorld world) : IClassFixture<RecommendationWorld>
{
    private const long RawUserId = 987_654_321_777;

    [Fact]
    public async Task Given_a_known_session_When_recommending_Then_the_champion_ranks_the_catalogue_without_the_seen_items()
    {
        using var factory = new ServingFactory(world);
        var (first, second) = KnownProducts();

        var response = await factory.Reader().PostAsJsonAsync("/v1/recommendations", new { session = new[] { new { product_id = first }, new { product_id = second } }, n = 10, exclude_seen = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJson();
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("vsknn", body.GetProperty("method").GetString());
        Assert.False(body.GetProperty("popular_fallback").GetBoolean());
        Assert.Equal(2, body.GetProperty("known_events").GetInt32());
        var served = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product_id").GetInt64()).ToList();
        Assert.Equal(10, served.Count);
        Assert.DoesNotContain(first, served);
        Assert.DoesNotContain(second, served);
        // Exactly the champion's own ranking of this session, and not the popular list a session-blind answer would give.
        var champion = ServableRecommender.Load(world.VersionFolder(1), 0);
        var expected = champion.Recommend(new NextItemQuery([first, second], null, null, 10, true, null)).Items.Select(i => i.ProductId).ToList();
        var popular = champion.Recommend(new NextItemQuery([1], null, null, 12, false, null)).Items.Select(i => i.ProductId).Where(p => p != first && p != second).Take(10).ToList();
        Assert.Equal(expected, served);
        Assert.NotEqual(popular, served);
    }

    [Fact]
    public async Task Given_only_unknown_items_When_recommending_Then_the_most_popular_items_come_back_flagged_with_the_reason()
    {
        using var factory = new ServingFactory(world);

        var body = await (await factory.Reader().PostAsJsonAsync("/v1/recommendations", new { session = new[] { new { product_id = 1 }, new { product_id = 2 } }, n = 5 })).ReadJson();

        Assert.True(body.GetProperty("popular_fallback").GetBoolean());
        Assert.Contains("catalogue", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("known_events").GetInt32());
        var index = RecommenderIndexFile.Read(Path.Combine(world.VersionFolder(1), RecommenderIndexFile.FileName));
        var mostPopular = index.ProductIds.Zip(index.Counts).OrderByDescending(p => p.Second).ThenBy(p => p.First).Take(5).Select(p => p.First).ToList();
        Assert.Equal(mostPopular, body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product_id").GetInt64()).ToList());
    }

    [Theory]
    [InlineData("""{"session": []}""", "session")]
    [InlineData("""{"n": 5}""", "session")]
    [InlineData("""{"session": [{"product_id": "abc"}]}""", "session[0].product_id")]
    [InlineData("""{"session": [{"product_id": 5}, {"product_id": -3}]}""", "session[1].product_id")]
    [InlineData("""{"session": [{"product_id": 5, "type": "click"}]}""", "session[0].type")]
    [InlineData("""{"session": [{"product_id": 5}], "n": 0}""", "n")]
    [InlineData("""{"session": [{"product_id": 5}], "n": 101}""", "n")]
    [InlineData("""{"session": [{"product_id": 5}], "category_ids": [7, 0]}""", "category_ids[1]")]
    [InlineData("""{"user_id": -4, "session": [{"product_id": 5}]}""", "user_id")]
    [InlineData("TOO_MANY", "session")]
    public async Task Given_bad_input_When_recommending_Then_400_names_the_field(string json, string field)
    {
        using var factory = new ServingFactory(world);
        if (json == "TOO_MANY")
        {
            json = "{\"session\": [" + string.Join(", ", Enumerable.Repeat("{\"product_id\": 5}", 1001)) + "]}";
        }

        var response = await factory.Reader().PostAsync("/v1/recommendations", Requests.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.ReadJson()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Given_no_key_When_recommending_Then_401()
    {
        using var factory = new ServingFactory(world);

        var response = await factory.CreateClient().PostAsJsonAsync("/v1/recommendations", new { session = new[] { new { product_id = 5 } } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Given_a_newly_promoted_neural_champion_When_serving_Then_it_is_picked_up_without_restart_and_reranks_candidates()
    {
        using var factory = new ServingFactory(world);
        var reader = factory.Reader();
        var (first, second) = KnownProducts();
        var session = new { session = new[] { new { product_id = first }, new { product_id = second } }, n = 5 };
        try
        {
            Assert.Equal(1, (await (await reader.PostAsJsonAsync("/v1/recommendations", session)).ReadJson()).GetProperty("version").GetInt32());

            // The CLI's way: the registry changes on disk and the watcher swaps at its next poll.
            world.Registry.Promote(RecommendationModel.RegistryName, 2, force: true);
            JsonElement body = default;
            var failed = new List<HttpStatusCode>();
            for (var waited = 0; waited < 15_000; waited += 50)
            {
                var response = await reader.PostAsJsonAsync("/v1/recommendations", session);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failed.Add(response.StatusCode);
                    continue;
                }

                body = await response.ReadJson();
                if (body.GetProperty("version").GetInt32() == 2)
                {
                    break;
                }

                await Task.Delay(50);
            }

            Assert.Empty(failed);
            Assert.Equal(2, body.GetProperty("version").GetInt32());
            Assert.Equal("gru4rec", body.GetProperty("method").GetString());
            Assert.Equal(200, body.GetProperty("candidates_scored").GetInt32());
            Assert.Equal(5, body.GetProperty("items").GetArrayLength());

            // The admin API's way: swapped before the promotion answers.
            var promoted = await factory.Admin().PostAsJsonAsync($"/v1/models/{RecommendationModel.RegistryName}/promote", new { version = 1, force = true });
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
            Assert.Equal(1, (await (await reader.PostAsJsonAsync("/v1/recommendations", session)).ReadJson()).GetProperty("version").GetInt32());
        }
        finally
        {
            world.Registry.Promote(RecommendationModel.RegistryName, 1, force: true);
        }
    }

    [Fact]
    public async Task Given_a_user_id_When_recommending_Then_the_prediction_and_the_audit_carry_no_raw_id()
    {
        using var factory = new ServingFactory(world);
        var (first, _) = KnownProducts();

        var response = await factory.Reader().PostAsJsonAsync("/v1/recommendations", new { user_id = RawUserId, session = new[] { new { product_id = first } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(RawUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pseudonym = new Pseudonymiser(world.Key).User(RawUserId);
        var predictions = "";
        for (var waited = 0; waited < 15_000 && !predictions.Contains(pseudonym, StringComparison.Ordinal); waited += 100)
        {
            await Task.Delay(100);
            predictions = Directory.Exists(PredictionLog.Folder(world.Lake))
                ? string.Concat(Directory.EnumerateFiles(PredictionLog.Folder(world.Lake), "*.jsonl", SearchOption.AllDirectories).Select(ReadShared))
                : "";
        }

        var audit = factory.Services.GetRequiredService<AuditLog>();
        Assert.True(audit.Flush(TimeSpan.FromSeconds(10)));
        var trail = ReadShared(audit.Path);
        Assert.Contains(pseudonym, predictions, StringComparison.Ordinal);
        Assert.Contains("\"next-item\"", predictions, StringComparison.Ordinal);
        Assert.Contains("recommend next-item", trail, StringComparison.Ordinal);
        Assert.Contains(SubjectDigest.Of(pseudonym), trail, StringComparison.Ordinal);
        foreach (var text in new[] { predictions, trail })
        {
            Assert.DoesNotContain(RawUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    /// <summary>Two products of the champion's catalogue that follow each other in a training session.</summary>
    private (long First, long Second) KnownProducts()
    {
        var index = RecommenderIndexFile.Read(Path.Combine(world.VersionFolder(1), RecommenderIndexFile.FileName));
        var session = index.Sessions.First(s => s.Length >= 3);
        return (index.ProductIds[session.Items[0]], index.ProductIds[session.Items[1]]);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
