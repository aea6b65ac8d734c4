using System.Text.Json;
using System.Threading.Channels;
using EAmazing.Api.Configuration;
using EAmazing.Monitoring.Predictions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// Appends every served prediction to the lake's predictions table. Requests only enqueue; one background
/// writer drains the queue and flushes per batch, so scoring latency never waits on the disk.
/// </summary>
public sealed class PredictionRecorder(ServingPaths paths, IOptions<ServingOptions> options, ILogger<PredictionRecorder> logger) : BackgroundService
{
    private readonly Channel<PredictionRecord> _queue = Channel.CreateBounded<PredictionRecord>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Record(PredictionRecord record)
    {
        if (options.Value.RecordPredictions && !_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? currentPath = null;
        StreamWriter? writer = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_queue.Reader.TryRead(out var record))
                {
                    var path = PredictionLog.FileFor(paths.Lake, record.Time);
                    if (path != currentPath)
                    {
                        writer?.Dispose();
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
                        currentPath = path;
                    }

                    writer!.WriteLine(JsonSerializer.Serialize(record, PredictionLog.Json));
                }

                writer?.Flush();
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
        catch (IOException e)
        {
            logger.LogError("predictions table not writable: {Problem}", e.Message);
        }
        finally
        {
            writer?.Dispose();
        }
    }
}
