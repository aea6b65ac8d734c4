using System.Net.Http.Headers;
using EAmazing.Api;
using EAmazing.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EAmazing.Api.Tests.Support;

/// <summary>The real serving app in process, pointed at the test world (or at an empty one), with extra settings.</summary>
public sealed class ServingFactory(IServingTestWorld world, IDictionary<string, string?>? settings = null, bool empty = false) : WebApplicationFactory<ApiEntryPoint>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var emptyRoot = Path.Combine(world.Root, "empty-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["EAmazing:Lake"] = empty ? Path.Combine(emptyRoot, "lake") : world.Lake,
            ["EAmazing:Models"] = empty ? Path.Combine(emptyRoot, "models") : world.Models,
            ["EAmazing:Serving:ApiKeysFile"] = world.ApiKeysFile,
            ["EAmazing:Serving:RegistryPollSeconds"] = "0.2",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        builder.ConfigureTestServices(services => services.AddSingleton<PseudonymKey>(world.Key));
    }

    public HttpClient Reader() => WithKey(world.ReaderKey.Secret);

    public HttpClient Admin() => WithKey(world.AdminKey.Secret);

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
