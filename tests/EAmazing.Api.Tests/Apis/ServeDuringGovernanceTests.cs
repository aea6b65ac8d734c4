using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using EAmazing.Api.Tests.Support;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using EAmazing.Privacy.Keys;

namespace EAmazing.Api.Tests.Apis;

/// <summary>
/// A real <c>eamazing serve</c> scoring without pause while real <c>eamazing gdpr erase</c> and <c>gdpr key rotate</c>
/// processes change its lake (a copy of the serving world's): every prediction served is logged or counted dropped.
/// </summary>
[Collection(ServingCollection.Name)]
public sealed class ServeDuringGovernanceTests(ServingWorld world) : IDisposable
{
    private readonly string _root = Path.Combine(world.Root, "governed-" + Guid.NewGuid().ToString("N")[..8]);

    private long _served;

    private string Lake => Path.Combine(_root, "lake");

    private string KeyPath => Path.Combine(_root, "config", "pseudonym.key");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Serve_during_an_erasure_and_a_key_rotation_logs_every_prediction_served_and_refuses_the_erased_user()
    {
        // Given a copy of the world's lake and registry on a key file, a user of the source files to erase and another one
        Copy(world.Lake, Lake);
        Copy(world.Models, Path.Combine(_root, "models"));
        KeyFile.Write(KeyPath, world.Key);
        var erased = UserOfTheSourceFiles();
        var other = Requests.UserId;
        var port = ServeProcess.FreePort();
        using var server = Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--lake", Lake, "--models", Path.Combine(_root, "models")],
            new() { ["EAMAZING__SERVING__APIKEYSFILE"] = world.ApiKeysFile, ["EAMAZING__SERVING__REGISTRYPOLLSECONDS"] = "0.2" });
        var serverLog = Drain(server);
        long refusedErased = 0, scoredWhileRefused = 0;
        try
        {
            using var client = await ReadyClient(server, port);

            // When four clients score both users without pause while the erasure and then the rotation run
            using var stop = new CancellationTokenSource();
            var refusing = false;
            var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var user = (i + worker) % 2 == 0 ? erased : other;
                    var mustRefuse = user == erased && Volatile.Read(ref refusing);
                    using var response = await client.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart(user), CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref _served);
                        Interlocked.Add(ref scoredWhileRefused, mustRefuse ? 1 : 0);
                    }
                    else if (response.StatusCode == HttpStatusCode.UnavailableForLegalReasons)
                    {
                        Assert.Equal(erased, user);
                        Interlocked.Increment(ref refusedErased);
                    }
                    else
                    {
                        Assert.Fail($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            })).ToList();

            await Task.Delay(1000);
            var erasure = await Run(["gdpr", "erase", "--user", erased.ToString(CultureInfo.InvariantCulture), "--lake", Lake]);
            // The erased user's lines logged before the erasure are removed by it (and reported exactly).
            var erasedLines = long.Parse(System.Text.RegularExpressions.Regex.Match(erasure, @"predictions\s*│\s*([\d,]+)").Groups[1].Value,
                NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.True(await RefusesErased(client, erased), "the erased user is still scored 5 s after the erasure");
            Volatile.Write(ref refusing, true);
            await Run(["gdpr", "key", "rotate", "--lake", Lake]);
            await Task.Delay(1000);
            await stop.CancelAsync();
            await Task.WhenAll(load);

            // Then every prediction served is a line of the log, counted dropped or removed by the erasure, the erased user is refused under the new key too,
            // and the log holds no pseudonym of the erased user under either key, nor the other user's under the old key
            var newKey = KeyFile.TryRead(KeyPath)!;
            Assert.NotEqual(world.Key.KeyId, newKey.KeyId);
            Assert.True(await RefusesErased(client, erased), "the erased user is scored again after the rotation");
            var (lines, dropped) = (0L, 0L);
            for (var attempt = 0; attempt < 100 && lines + dropped + erasedLines != Volatile.Read(ref _served); attempt++)
            {
                await Task.Delay(200);
                dropped = Metric(await client.GetStringAsync("/metrics"), "eamazing_predictions_dropped_total");
                lines = LogLines().Count;
            }

            Assert.True(_served > 100 && refusedErased > 0 && erasedLines > 0, $"served {_served}, refused {refusedErased}, erased lines {erasedLines}");
            Assert.Equal(0, scoredWhileRefused);
            Assert.Equal(_served, lines + dropped + erasedLines);
            var log = string.Join('\n', LogLines());
            Assert.DoesNotContain(new Pseudonymiser(world.Key).User(erased), log, StringComparison.Ordinal);
            Assert.DoesNotContain(new Pseudonymiser(newKey).User(erased), log, StringComparison.Ordinal);
            Assert.DoesNotContain(new Pseudonymiser(world.Key).User(other), log, StringComparison.Ordinal);
            Assert.Contains(new Pseudonymiser(newKey).User(other), log, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        Assert.DoesNotContain(erased.ToString(CultureInfo.InvariantCulture), await serverLog);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private async Task<bool> RefusesErased(HttpClient client, long user)
    {
        for (var attempt = 0; attempt < 25; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart(user));
            if (response.StatusCode == HttpStatusCode.UnavailableForLegalReasons)
            {
                Assert.Contains("erased", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                return true;
            }

            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _served);
            }

            await Task.Delay(200);
        }

        return false;
    }

    private List<string> LogLines()
    {
        var folder = PredictionLog.Folder(Lake);
        return Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f)).Where(l => l.Length > 0).ToList();
    }

    private static long Metric(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(name.Length + 1)..], CultureInfo.InvariantCulture)).Single();

    /// <summary>The user id of the first event of the world's first source file.</summary>
    private long UserOfTheSourceFiles()
    {
        var file = Directory.EnumerateFiles(Path.Combine(world.Root, "data"), "*.csv*").Order(StringComparer.Ordinal).First();
        using var stream = file.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(File.OpenRead(file), CompressionMode.Decompress) : File.OpenRead(file);
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        return long.Parse(reader.ReadLine()!.Split(',')[Array.IndexOf(header, "user_id")], CultureInfo.InvariantCulture);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private async Task<string> Run(string[] args)
    {
        using var process = Start(args, []);
        var output = Drain(process);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"eamazing {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}");
        return await output;
    }

    private Process Start(string[] args, Dictionary<string, string?> environment) =>
        ServeProcess.Start(args, new Dictionary<string, string?>
        {
            [PseudonymKeyStore.EnvironmentVariable] = null,
            ["EAMAZING__PSEUDONYMKEYFILE"] = KeyPath,
            ["HOME"] = _root,
        }.Concat(environment));

    private static async Task<string> Drain(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        return await output + await errors;
    }

    private Task<HttpClient> ReadyClient(Process process, int port) => ServeProcess.ReadyClient(process, port, world.ReaderKey.Secret);
}
