using System.Net;
using System.Text.RegularExpressions;
using EAmazing.Api.Security;
using EAmazing.Api.Tests.Support;
using EAmazing.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EAmazing.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in process (fast lane), on a lake and registry that do not exist yet: sign-in and its cookie, pages closed
/// to strangers, what an empty lake's pages say.
/// </summary>
public sealed partial class DashboardSignInTests : IDisposable
{
    private readonly EmptyWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public async Task A_visitor_without_a_session_is_sent_to_sign_in_and_a_wrong_key_is_refused()
    {
        using var factory = world.Factory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync("/models");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fmodels", page.Headers.Location!.PathAndQuery);
        // An API key in a header opens the API, not the dashboard: pages need a session.
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/models");
        withHeader.Headers.Authorization = new("Bearer", world.ReaderKey.Secret);
        Assert.Equal(HttpStatusCode.Found, (await client.SendAsync(withHeader)).StatusCode);

        var refused = await SignIn(client, "eak_00000000_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Unknown or revoked API key.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("eamazing-session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_sets_an_HttpOnly_strict_cookie_without_the_key_and_a_post_without_anti_forgery_is_refused()
    {
        using var factory = world.Factory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signedIn = await SignIn(client, world.ReaderKey.Secret);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("eamazing-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(world.ReaderKey.Secret, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/models")).StatusCode);

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = world.ReaderKey.Secret });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/signin", forged)).StatusCode);
    }

    [Fact]
    public async Task A_session_whose_key_is_revoked_goes_back_to_sign_in()
    {
        using var factory = world.Factory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn(client, world.ReaderKey.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/privacy")).StatusCode);

        world.Keys.Revoke(world.ReaderKey.Record.Id);
        await Task.Delay(300); // the key file is looked at every quarter second

        var page = await client.GetAsync("/privacy");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fprivacy", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_overview_of_an_empty_lake_says_what_to_run_and_an_unknown_model_is_a_404_page()
    {
        using var factory = world.Factory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn(client, world.ReaderKey.Secret);

        var overview = await client.GetStringAsync("/");
        Assert.Contains("run ./eamazing demo", overview, StringComparison.Ordinal);
        var models = await client.GetStringAsync("/models/purchase");
        Assert.Contains("./eamazing train purchase", models, StringComparison.Ordinal);
        var missing = await client.GetAsync("/models/no-such-model");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No business model is named", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string key)
    {
        var form = await client.GetStringAsync("/signin");
        var token = TokenField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["__RequestVerificationToken"] = token });
        return await client.PostAsync("/signin", content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>A key file with a reader key, and folders for a lake and registry that nothing has written yet.</summary>
    private sealed class EmptyWorld : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("dashboard-empty-").FullName;

        public EmptyWorld()
        {
            Keys = new ApiKeyStore(Path.Combine(_root, "api-keys.json"));
            ReaderKey = Keys.Create(ApiRoles.Reader, "tests reader");
        }

        public ApiKeyStore Keys { get; }

        public CreatedApiKey ReaderKey { get; }

        public WebApplicationFactory<ApiEntryPoint> Factory() => new WebApplicationFactory<ApiEntryPoint>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EAmazing:Lake"] = Path.Combine(_root, "lake"),
                ["EAmazing:Models"] = Path.Combine(_root, "models"),
                ["EAmazing:Serving:ApiKeysFile"] = Path.Combine(_root, "api-keys.json"),
                ["EAmazing:Dashboard:KeysFolder"] = Path.Combine(_root, "dashboard-keys"),
            }));
            PseudonymKey.TryParseHex(ServingWorld.TestKeyHex, out var key, out _);
            builder.ConfigureTestServices(services => services.AddSingleton(key!));
        });

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
