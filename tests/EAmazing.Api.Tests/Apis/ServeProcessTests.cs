using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using EAmazing.Api.Tests.Support;

namespace EAmazing.Api.Tests.Apis;

/// <summary>The real <c>eamazing serve</c> process on a loopback port, called over HTTP.</summary>
[Collection(ServingCollection.Name)]
public sealed class ServeProcessTests(ServingWorld world)
{
    [Fact]
    public async Task Eamazing_Serve_Listens_On_Loopback_Becomes_Ready_And_Scores()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "eamazing.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--lake", world.Lake, "--models", world.Models })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EAMAZING_PSEUDONYM_KEY"] = ServingWorld.TestKeyHex;
        start.Environment["EAMAZING__SERVING__APIKEYSFILE"] = world.ApiKeysFile;
        start.Environment["EAMAZING__SERVING__RECORDPREDICTIONS"] = "false";
        start.Environment["HOME"] = world.Root;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = false;
            for (var attempt = 0; attempt < 120 && !ready && !process.HasExited; attempt++)
            {
                await Task.Delay(250);
                try
                {
                    ready = (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }

            Assert.True(ready, "server never became ready");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.ReaderKey.Secret);
            var response = await client.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, (await response.ReadJson()).GetProperty("version").GetInt32());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = await output + await errors;
        Assert.DoesNotContain(Requests.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), log);
        Assert.DoesNotContain(world.ReaderKey.Secret, log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
