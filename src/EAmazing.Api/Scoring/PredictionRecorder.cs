using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EAmazing.Api.Configuration;
using EAmazing.Monitoring.Predictions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// Appends every served prediction to the lake's predictions table. Requests only enqueue; one background
/// writer drains the queue in batches, so scoring latency never waits on the disk. Each batch is written under
/// the log's writers' lock (<see cref="PredictionLogLock"/>), into the file opened for that batch: an erasure or a
/// key rotation rewrites the log only between batches, and a replaced file is never appended to. Before each
/// batch the lake's commit mark is checked (<see cref="ServingGovernance"/>): a prediction pseudonymised under a
/// key the lake has left is pseudonymised again under the new one, and an erased subject's is not written.
/// Every prediction served but not written (queue full, write failed, subject erased meanwhile) is counted in
/// <see cref="Dropped"/>, so lines logged + dropped = predictions served.
/// </summary>
public sealed class PredictionRecorder(ServingPaths paths, ServingGovernance governance, IOptions<ServingOptions> options, ILogger<PredictionRecorder> logger) : BackgroundService
{
    private const int BatchSize = 4096;

    private readonly Channel<QueuedPrediction> _queue = Channel.CreateBounded<QueuedPrediction>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private long _written;

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Lines appended to the log by this server.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues a prediction; <paramref name="userId"/> stays in memory only, to pseudonymise again after a key rotation.</summary>
    public void Record(PredictionRecord record, long? userId, string keyId)
    {
        if (options.Value.RecordPredictions && !_queue.Writer.TryWrite(new QueuedPrediction(record, userId, keyId)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<QueuedPrediction>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var queued))
                {
                    batch.Add(queued);
                }

                Write(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    private void Write(List<QueuedPrediction> batch, CancellationToken stoppingToken)
    {
        long accounted = 0;
        try
        {
            using var writers = PredictionLogLock.Acquire(paths.Lake, stoppingToken);
            governance.Refresh();
            var key = governance.Key.KeyId;
            foreach (var day in batch.GroupBy(q => PredictionLog.FileFor(paths.Lake, q.Record.Time)))
            {
                var lines = new StringBuilder();
                var count = 0;
                foreach (var queued in day)
                {
                    var pseudonym = queued.Record.UserPseudonym is null || queued.KeyId == key || queued.UserId is not long id
                        ? queued.Record.UserPseudonym
                        : governance.Pseudonym(id);
                    if (pseudonym is not null && governance.IsErased(pseudonym))
                    {
                        Interlocked.Increment(ref _dropped);
                        accounted++;
                        continue;
                    }

                    lines.Append(JsonSerializer.Serialize(queued.Record with { UserPseudonym = pseudonym }, PredictionLog.Json)).Append('\n');
                    count++;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(day.Key)!);
                using (var file = new FileStream(day.Key, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                {
                    file.Write(Encoding.UTF8.GetBytes(lines.ToString()));
                }

                Interlocked.Add(ref _written, count);
                accounted += count;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The writer goes on with the next batch (the disk may come back); this batch's unwritten lines are counted.
            Interlocked.Add(ref _dropped, batch.Count - accounted);
            logger.LogError("predictions table not writable, {Count} predictions dropped: {Problem}", batch.Count - accounted, e.Message);
        }
    }

    private sealed record QueuedPrediction(PredictionRecord Record, long? UserId, string KeyId);
}
