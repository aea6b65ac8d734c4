using System.Net;
using System.Text.Json;
using EAmazing.Api.Tests.Support;
using EAmazing.BusinessModels.DemandForecast;

namespace EAmazing.Api.Tests.Apis;

/// <summary><c>GET /v1/forecast/{key}</c>: a category's latest forecast from gold demand_forecast, for readers, with ProblemDetails for a missing forecast, an unknown category and a malformed request.</summary>
[Collection(ServingCollection.Name)]
public sealed class ForecastApiTests(ServingWorld world)
{
    private const string Category = "2053013555631882655";

    [Fact]
    public async Task Before_any_forecast_is_written_a_reader_gets_404_naming_the_command()
    {
        using var factory = new ServingFactory(world, empty: true);
        var response = await factory.Reader().GetAsync($"/v1/forecast/{Category}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("./eamazing forecast --horizon", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_gets_the_latest_forecast_of_a_category_per_target_and_problems_for_unknown_or_malformed_requests()
    {
        WriteForecast();
        using var factory = new ServingFactory(world);
        var reader = factory.Reader();

        var found = await reader.GetAsync($"/v1/forecast/{Category}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using (var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync()))
        {
            var root = body.RootElement;
            Assert.Equal("category", root.GetProperty("level").GetString());
            Assert.Equal("electronics", root.GetProperty("top_category").GetString());
            // Two runs were written; the later one (version 2, from 2 Dec) is served.
            Assert.Equal(2, root.GetProperty("model_version").GetInt32());
            var purchases = root.GetProperty("targets").GetProperty("purchases").EnumerateArray().ToList();
            Assert.Equal(["2019-12-02", "2019-12-03"], purchases.Select(d => d.GetProperty("day").GetString()));
            Assert.Equal(12.5, purchases[0].GetProperty("forecast").GetDouble());
            Assert.True(purchases[0].GetProperty("lower_95").GetDouble() <= purchases[0].GetProperty("lower_80").GetDouble());
            Assert.Equal(2, root.GetProperty("targets").EnumerateObject().Count());
        }

        var views = await (await reader.GetAsync($"/v1/forecast/{Category}?target=views")).Content.ReadAsStringAsync();
        using (var body = JsonDocument.Parse(views))
        {
            Assert.Equal(["views"], body.RootElement.GetProperty("targets").EnumerateObject().Select(p => p.Name));
        }

        var top = await reader.GetAsync("/v1/forecast/electronics");
        Assert.Equal(HttpStatusCode.OK, top.StatusCode);
        Assert.Contains("\"top_category\"", await top.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknown = await reader.GetAsync("/v1/forecast/999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("holds no category", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/v1/forecast/a'b")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync($"/v1/forecast/{Category}?target=profit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/v1/forecast/{Category}")).StatusCode);
    }

    /// <summary>Two forecast runs as eamazing forecast writes them (same columns), the later with another version and values.</summary>
    private void WriteForecast()
    {
        string Row(string level, string key, string what, string day, string asOf, int step, int version, double value) =>
            $"('{level}', '{key}', 'electronics', '{what}', DATE '{day}', TIMESTAMP '{asOf}', {step}, {version}, 'gbm_tweedie', {D(value)}, {D(value - 2)}, {D(value + 2)}, {D(value - 4)}, {D(value + 4)}, 1, false, false, '')";
        static string D(double v) => $"CAST({v.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS DOUBLE)";
        world.WriteGoldPartition(DemandForecastTable.Table.Name, "2019-12", DemandForecastTable.Columns,
        [
            Row("category", Category, "purchases", "2019-12-01", "2019-12-01 00:00:00", 1, 1, 9),
            Row("category", Category, "purchases", "2019-12-02", "2019-12-02 00:00:00", 1, 2, 12.5),
            Row("category", Category, "purchases", "2019-12-03", "2019-12-02 00:00:00", 2, 2, 13),
            Row("category", Category, "views", "2019-12-02", "2019-12-02 00:00:00", 1, 2, 400),
            Row("top_category", "electronics", "purchases", "2019-12-02", "2019-12-02 00:00:00", 1, 2, 80),
        ]);
    }
}
