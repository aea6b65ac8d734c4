using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using EAmazing.Api.Tests.Support;

namespace EAmazing.Api.Tests.Scoring;

[Collection(ServingCollection.Name)]
public sealed class HotSwapTests(ServingWorld world)
{
    [Fact]
    public async Task Promotions_Under_Concurrent_Requests_Swap_The_Model_With_Zero_Failed_Requests()
    {
        // In-process calls outrun any sane per-key limit; this test is about swaps, not rate limiting.
        using var factory = new ServingFactory(world, new Dictionary<string, string?>
        {
            ["EAmazing:Serving:RequestsPerSecondPerKey"] = "1000000",
            ["EAmazing:Serving:BurstPerKey"] = "1000000",
            ["EAmazing:Serving:RecordPredictions"] = "false",
        });
        var reader = factory.Reader();
        var admin = factory.Admin();
        var failures = new ConcurrentBag<HttpStatusCode>();
        var versions = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();

        try
        {
            var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var response = await reader.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart());
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add(response.StatusCode);
                        continue;
                    }

                    versions.AddOrUpdate((await response.ReadJson()).GetProperty("version").GetInt32(), 1, (_, n) => n + 1);
                }
            })).ToList();

            // The admin API swaps three times; then the CLI's way (the registry changes on disk) swaps back via the watcher.
            await Task.Delay(200);
            foreach (var version in new[] { 2, 1, 2 })
            {
                var before = versions.GetValueOrDefault(version);
                var promoted = await admin.PostAsJsonAsync($"/v1/models/{ServingWorld.ModelName}/promote", new { version, force = true });
                Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
                await Until(() => versions.GetValueOrDefault(version) > before + 20);
            }

            world.RestoreChampion(1);
            var servedOne = versions.GetValueOrDefault(1);
            await Until(() => versions.GetValueOrDefault(1) > servedOne + 20);
            stop.Cancel();
            await Task.WhenAll(load);

            Assert.True(failures.IsEmpty, "failed requests: " + string.Join(", ", failures.GroupBy(f => f).Select(g => $"{(int)g.Key} x{g.Count()}")));
            Assert.True(versions.ContainsKey(1) && versions.ContainsKey(2), string.Join(", ", versions));
            var last = await (await reader.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart())).ReadJson();
            Assert.Equal(1, last.GetProperty("version").GetInt32());
            Assert.Equal(1, world.Registry.Champion(ServingWorld.ModelName)!.Version);
        }
        finally
        {
            world.RestoreChampion(1);
        }
    }

    /// <summary>Waits for a condition the load loop makes true, bounded so a broken swap fails instead of hanging.</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; waited < 15_000 && !condition(); waited += 50)
        {
            await Task.Delay(50);
        }
    }
}
