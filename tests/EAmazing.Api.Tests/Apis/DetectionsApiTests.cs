using System.Net;
using System.Text.Json;
using EAmazing.Api.Tests.Support;
using EAmazing.BusinessModels.EmergingCategories;

namespace EAmazing.Api.Tests.Apis;

/// <summary><c>GET /v1/detections/emerging</c>: the flagged rows of the latest as-of day of gold emerging_categories, best first, for readers.</summary>
[Collection(ServingCollection.Name)]
public sealed class DetectionsApiTests(ServingWorld world)
{
    [Fact]
    public async Task Before_any_detection_is_written_a_reader_gets_404_naming_the_command()
    {
        using var factory = new ServingFactory(world, empty: true);
        var response = await factory.Reader().GetAsync("/v1/detections/emerging");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("./eamazing detect emerging", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_gets_the_latest_days_flagged_categories_in_rank_order_and_problems_for_a_bad_limit()
    {
        WriteDetections();
        using var factory = new ServingFactory(world);
        var reader = factory.Reader();

        var found = await reader.GetAsync("/v1/detections/emerging");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using (var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync()))
        {
            // The later day (30 Nov) only, flagged rows only (the stable category is left out), by rank.
            var rows = body.RootElement.EnumerateArray().ToList();
            Assert.Equal(["222", "111"], rows.Select(r => r.GetProperty("category").GetString()));
            Assert.Equal(["launch", "emerging"], rows.Select(r => r.GetProperty("signal").GetString()));
        }

        using (var limited = JsonDocument.Parse(await (await reader.GetAsync("/v1/detections/emerging?limit=1")).Content.ReadAsStringAsync()))
        {
            Assert.Single(limited.RootElement.EnumerateArray());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/v1/detections/emerging?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/v1/detections/emerging")).StatusCode);
    }

    /// <summary>Two as-of days as eamazing detect emerging writes them (same columns and types).</summary>
    private void WriteDetections()
    {
        static string Row(string asOf, int rank, string key, string signal, bool flagged, double score) =>
            FormattableString.Invariant($"(DATE '{asOf}', {rank}, '{key}', 'electronics', '{signal}', {(flagged ? "true" : "false")}, CAST({score} AS DOUBLE), CAST(2.5 AS DOUBLE), DATE '2019-11-03', DATE '2019-10-01', CAST(4.0 AS DOUBLE), CAST(1.0 AS DOUBLE), CAST(1.2 AS DOUBLE), CAST(900 AS DOUBLE))");
        world.WriteGoldPartition(EmergingCategoriesTable.Table.Name, "2019-11", EmergingCategoriesTable.Columns,
        [
            Row("2019-11-23", 1, "333", "emerging", true, 50),
            Row("2019-11-30", 1, "222", "launch", true, 600),
            Row("2019-11-30", 2, "111", "emerging", true, 200),
            Row("2019-11-30", 3, "444", "stable", false, 1),
        ]);
    }
}
