using System.Net.Http.Headers;
using System.Text;
using EAmazing.Api.Tests.Support;

namespace EAmazing.Api.Tests.Apis;

/// <summary>A thousand hostile bodies (wrong types, missing fields, huge arrays, deep nesting, bad UTF-8): never a 5xx.</summary>
[Collection(ServingCollection.Name)]
public sealed class MalformedBodyFuzzTests(ServingWorld world)
{
    private static readonly string[] Values =
    [
        "null", "true", "-1", "0", "1e400", "-1e400", "1.5", "\"\"", "\"x\"", "[]", "{}", "[1,2,3]", "\"2019-13-45T99:99:99Z\"",
        "\"2019-11-20T10:15:00Z\"", "9223372036854775808", "\"\\ud800\"", "NaN", "\"NaN\"", "{\"a\":1}",
    ];

    private static readonly string[] Fields = ["user_id", "cart", "session", "features", "model", "time", "type", "product_id", "category_id", "price"];

    [Fact]
    public async Task One_Thousand_Malformed_Bodies_Get_No_5xx()
    {
        using var factory = new ServingFactory(world, new Dictionary<string, string?> { ["EAmazing:Serving:RecordPredictions"] = "false" });
        var client = factory.Reader();
        var random = new Random(46);
        var serverErrors = new List<string>();

        for (var i = 0; i < 1000; i++)
        {
            var body = Body(random, i);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync("/v1/purchase-intent", content);
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)])}");
            }
        }

        Assert.Empty(serverErrors);
    }

    private static byte[] Body(Random random, int i) => (i % 8) switch
    {
        0 => Encoding.UTF8.GetBytes(WrongTypes(random)),
        1 => Encoding.UTF8.GetBytes(Truncated(random)),
        2 => BadUtf8(random),
        3 => Encoding.UTF8.GetBytes(HugeArray(random)),
        4 => Encoding.UTF8.GetBytes(new string('[', random.Next(10, 5000)) + new string(']', random.Next(0, 10))),
        5 => RandomBytes(random),
        6 => Encoding.UTF8.GetBytes(MissingFields(random)),
        _ => Encoding.UTF8.GetBytes(RandomFeatures(random)),
    };

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static string WrongTypes(Random random)
    {
        var fields = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"\"{Pick(random, Fields)}\": {Pick(random, Values)}");
        var cart = $"\"cart\": {{\"time\": {Pick(random, Values)}, \"product_id\": {Pick(random, Values)}, \"category_id\": {Pick(random, Values)}, \"price\": {Pick(random, Values)}}}";
        return "{" + string.Join(", ", fields.Append(cart).Distinct()) + "}";
    }

    private static string Truncated(Random random)
    {
        var full = """{"user_id": 5, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2, "price": 1.5}, "session": [{"time": "2019-11-20T10:00:00Z", "type": "view", "product_id": 1, "category_id": 2, "price": 1}]}""";
        return full[..random.Next(0, full.Length)];
    }

    private static byte[] BadUtf8(Random random)
    {
        var prefix = Encoding.UTF8.GetBytes("{\"model\": \"");
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0x80]];
        var bad = invalid[random.Next(invalid.Length)];
        return [.. prefix, .. bad, .. Encoding.UTF8.GetBytes("\", \"features\": {\"views_before\": 1}}")];
    }

    private static string HugeArray(Random random)
    {
        var count = random.Next(1001, 3000);
        var item = """{"time": "2019-11-20T10:00:00Z", "type": "view", "product_id": 1, "category_id": 2, "price": 1}""";
        var events = string.Join(",", Enumerable.Repeat(random.Next(2) == 0 ? item : "1", count));
        return $$"""{"user_id": 5, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1, "category_id": 2, "price": 1}, "session": [{{events}}]}""";
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string MissingFields(Random random)
    {
        string[] parts = ["\"user_id\": 5", "\"cart\": {\"time\": \"2019-11-20T10:15:00Z\"}", "\"cart\": {\"product_id\": 1, \"price\": 2}", "\"session\": [{}]", "\"session\": [null]", "\"features\": {}", "\"features\": null", "\"model\": \"nope\""];
        return "{" + string.Join(", ", parts.OrderBy(_ => random.Next()).Take(random.Next(0, 4))) + "}";
    }

    private static string RandomFeatures(Random random)
    {
        string[] names = ["views_before", "cart_price", "hour", "", "\\u0000", "x", new string('f', 5000)];
        var pairs = Enumerable.Range(0, random.Next(0, 40)).Select(_ => $"\"{Pick(random, names)}\": {Pick(random, Values)}").Distinct();
        return "{\"features\": {" + string.Join(", ", pairs) + "}}";
    }
}
