using System.Net;
using System.Net.Http.Json;
using EAmazing.Api.Tests.Support;
using EAmazing.Monitoring.Drift;

namespace EAmazing.Api.Tests.Apis;

[Collection(ServingCollection.Name)]
public sealed class HealthMetricsOpenApiTests(ServingWorld world)
{
    [Fact]
    public async Task Live_And_Ready_When_Champions_Are_Loaded_And_The_Lake_Is_Readable()
    {
        using var factory = new ServingFactory(world);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Not_Ready_503_Without_A_Champion_Or_A_Lake_And_Predictions_Are_503()
    {
        using var factory = new ServingFactory(world, empty: true);

        var ready = await factory.CreateClient().GetAsync("/health/ready");
        var live = await factory.CreateClient().GetAsync("/health/live");
        var prediction = await factory.Reader().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, prediction.StatusCode);
    }

    [Fact]
    public async Task Metrics_Count_Requests_Latencies_Predictions_Per_Version_And_Scores_In_Prometheus_Text()
    {
        using var factory = new ServingFactory(world);
        await factory.Reader().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());
        await factory.CreateClient().PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());

        var response = await factory.CreateClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("eamazing_http_requests_total{endpoint=\"/v1/purchase-intent\",method=\"POST\",status=\"200\"} 1", text);
        Assert.Contains("eamazing_http_requests_total{endpoint=\"/v1/purchase-intent\",method=\"POST\",status=\"401\"} 1", text);
        Assert.Contains("eamazing_http_request_duration_seconds_bucket{endpoint=\"/v1/purchase-intent\",le=\"+Inf\"} 2", text);
        Assert.Contains("eamazing_predictions_total{model=\"purchase-intent-cart\",version=\"1\"} 1", text);
        Assert.Contains("eamazing_prediction_score_count{model=\"purchase-intent-cart\"} 1", text);
        Assert.Contains("eamazing_champion_version{model=\"purchase-intent-cart\"} 1", text);
    }

    [Fact]
    public async Task The_Latest_Drift_Report_Is_Exposed_As_Metrics()
    {
        var report = new DriftReport(ServingWorld.ModelName, 1, new DateTime(2019, 10, 1), new DateTime(2019, 11, 17), new DateTime(2019, 11, 16), new DateTime(2019, 11, 18),
            [new FeatureDrift("cart_price_vs_category", "feature", 0.137, DriftLevel.Warn, 100, 100, 1, 1)], DateTime.UtcNow);
        DriftReportWriter.Write(world.Lake, report);
        using var factory = new ServingFactory(world);

        var text = await factory.CreateClient().GetStringAsync("/metrics");

        Assert.Contains("eamazing_drift_psi{model=\"purchase-intent-cart\",version=\"1\",column=\"cart_price_vs_category\"} 0.137", text);
        Assert.Contains("eamazing_drift_level{model=\"purchase-intent-cart\",version=\"1\"} 1", text);
    }

    [Fact]
    public async Task The_OpenApi_Document_Describes_Every_Endpoint()
    {
        using var factory = new ServingFactory(world);

        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/purchase-intent", paths);
        Assert.Contains("/v1/models", paths);
        Assert.Contains("/v1/models/{name}", paths);
        Assert.Contains("/v1/models/{name}/promote", paths);
        Assert.Contains("/metrics", paths);
    }

    [Theory]
    [InlineData("/v1/purchase-intent")]
    [InlineData("/v1/recommendations")]
    public async Task Every_Scoring_Endpoint_Declares_The_Failures_It_Can_Answer(string path)
    {
        using var factory = new ServingFactory(world);

        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name);
        Assert.Equal(["200", "400", "401", "403", "413", "429", "451", "503"], responses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_OpenApi_Document_Declares_The_Api_Key_Scheme_And_Requires_It()
    {
        using var factory = new ServingFactory(world);

        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.Equal("header", schemes.GetProperty("X-Api-Key").GetProperty("in").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task The_Interactive_Api_Page_And_Its_Script_Are_Served_Without_Any_Other_Host()
    {
        using var factory = new ServingFactory(world);
        var client = factory.CreateClient();

        var page = await client.GetAsync("/docs/v1");
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, @"<script[^>]+src=""([^""]+)""").Groups[1].Value;
        var js = await client.GetAsync(script.StartsWith('/') ? script : "/docs/" + script);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"src=""https?://", html);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.True((await js.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
