using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EAmazing.Api.Tests.Support;

/// <summary>Request bodies the tests send.</summary>
public static class Requests
{
    public const long UserId = 512_386_086;

    /// <summary>A cart after two views, as a shop front would send it.</summary>
    public static object Cart(long userId = UserId) => new
    {
        user_id = userId,
        cart = new { time = "2019-11-20T10:15:00Z", product_id = 1_004_856, category_id = 2_053_013_555_631_882_655, price = 130.76 },
        session = new object[]
        {
            new { time = "2019-11-20T10:10:00Z", type = "view", product_id = 1_004_856, category_id = 2_053_013_555_631_882_655, price = 130.76 },
            new { time = "2019-11-20T10:12:00Z", type = "view", product_id = 1_005_115, category_id = 2_053_013_555_631_882_655, price = 910.5 },
        },
    };

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;
}
