using EAmazing.Api.Configuration;
using EAmazing.Api.Scoring;
using EAmazing.Api.Tests.Support;
using EAmazing.Foundation.Configuration;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Tests.Scoring;

public sealed class PredictionRecorderTests : IDisposable
{
    private readonly string _lake = Path.Combine(Path.GetTempPath(), "eamazing-recorder-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_failed_write_is_counted_dropped_and_the_writer_goes_on_with_the_next_predictions()
    {
        // Given a recorder whose day folder is blocked by a plain file of the same name
        PseudonymKey.TryParseHex(ServingWorld.TestKeyHex, out var key, out _);
        var paths = new ServingPaths(Options.Create(new PlatformOptions { Lake = _lake }), Options.Create(new ServingOptions()));
        var governance = new ServingGovernance(paths, key!, Options.Create(new PlatformOptions()), NullLogger<ServingGovernance>.Instance);
        using var recorder = new PredictionRecorder(paths, governance, Options.Create(new ServingOptions()), NullLogger<PredictionRecorder>.Instance);
        var time = new DateTime(2019, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        var dayFolder = Path.GetDirectoryName(PredictionLog.FileFor(_lake, time))!;
        Directory.CreateDirectory(Path.GetDirectoryName(dayFolder)!);
        await File.WriteAllTextAsync(dayFolder, "not a folder");
        await recorder.StartAsync(CancellationToken.None);

        // When three predictions cannot be written, the folder is freed, then two more come
        for (var i = 0; i < 3; i++)
        {
            recorder.Record(new PredictionRecord(time, "m", 1, "p" + i, 0.5, false), null, key!.KeyId);
        }

        await Until(() => recorder.Dropped == 3);
        File.Delete(dayFolder);
        for (var i = 0; i < 2; i++)
        {
            recorder.Record(new PredictionRecord(time, "m", 1, "q" + i, 0.5, false), null, key!.KeyId);
        }

        // Then the three are counted dropped and the two are in the log
        await Until(() => recorder.Written == 2);
        await recorder.StopAsync(CancellationToken.None);
        Assert.Equal(3, recorder.Dropped);
        Assert.Equal(2, File.ReadAllLines(PredictionLog.FileFor(_lake, time)).Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_lake))
        {
            Directory.Delete(_lake, recursive: true);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out");
    }
}
