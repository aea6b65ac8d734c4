using System.Diagnostics;
using System.Net;
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
        var port = ServeProcess.FreePort();
        using var process = Serve(["serve", "--urls", $"http://127.0.0.1:{port}", "--lake", world.Lake, "--models", world.Models], new()
        {
            ["EAMAZING__SERVING__APIKEYSFILE"] = world.ApiKeysFile,
            ["EAMAZING__SERVING__RECORDPREDICTIONS"] = "false",
        });
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = await ReadyClient(process, port);
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

    [Fact]
    public async Task Eamazing_Serve_Takes_Its_Address_Folders_And_Serving_Settings_From_EAMAZING_Variables()
    {
        // Given no option at all: the address, lake, registry, key file and a session limit of 1 event in the environment
        var port = ServeProcess.FreePort();
        using var process = Serve(["serve"], new()
        {
            ["EAMAZING__URLS"] = $"http://127.0.0.1:{port}",
            ["EAMAZING__LAKE"] = world.Lake,
            ["EAMAZING__MODELS"] = world.Models,
            ["EAMAZING__SERVING__APIKEYSFILE"] = world.ApiKeysFile,
            ["EAMAZING__SERVING__MAXSESSIONEVENTS"] = "1",
            ["EAMAZING__SERVING__RECORDPREDICTIONS"] = "false",
        });
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            // When a reader asks for a score with a two-event session
            using var client = await ReadyClient(process, port);
            var response = await client.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());

            // Then the server listens there, serves the champion (ready) with the key file's keys, and refuses the session (default limit 1000)
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("session", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Eamazing_Serve_With_A_Bad_Serving_Setting_Exits_With_A_Usage_Error_Naming_It()
    {
        using var process = Serve(["serve", "--urls", $"http://127.0.0.1:{ServeProcess.FreePort()}"], new() { ["EAMAZING__SERVING__REGISTRYPOLLSECONDS"] = "0" });
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // A server that ignored the setting runs until killed.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = await output + await errors;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("EAmazing:Serving:RegistryPollSeconds (env EAMAZING__SERVING__REGISTRYPOLLSECONDS)", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZZ\r\n{}\r\n0\r\n\r\n")] // a chunk size that is not hex
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")] // a chunk size too long for any length
    [InlineData("2\r\n{}0\r\n\r\n")] // chunk data not followed by its CRLF
    public async Task A_malformed_chunked_body_to_purchase_intent_answers_400_over_a_real_socket(string chunkedBody)
    {
        // TestServer does not parse HTTP framing: only Kestrel behind a socket sees these bytes as sent.
        var port = ServeProcess.FreePort();
        using var process = Serve(["serve", "--urls", $"http://127.0.0.1:{port}", "--lake", world.Lake, "--models", world.Models], new()
        {
            ["EAMAZING__SERVING__APIKEYSFILE"] = world.ApiKeysFile,
            ["EAMAZING__SERVING__RECORDPREDICTIONS"] = "false",
        });
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        string? status;
        try
        {
            using var _ = await ReadyClient(process, port);
            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, port);
            var stream = socket.GetStream();
            var request = "POST /v1/purchase-intent HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + $"Authorization: Bearer {world.ReaderKey.Secret}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody;
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
            using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            status = await reader.ReadLineAsync(timeout.Token);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.True(status == "HTTP/1.1 400 Bad Request", $"{status}\n{await output}{await errors}");
    }

    private Process Serve(string[] args, Dictionary<string, string?> environment) =>
        ServeProcess.Start(args, new Dictionary<string, string?> { ["EAMAZING_PSEUDONYM_KEY"] = ServingWorld.TestKeyHex, ["HOME"] = world.Root }.Concat(environment));

    private Task<HttpClient> ReadyClient(Process process, int port) => ServeProcess.ReadyClient(process, port, world.ReaderKey.Secret);
}
