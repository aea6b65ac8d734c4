using System.Threading.Channels;

namespace EAmazing.Governance.Audit;

/// <summary>
/// The audit trail for a busy server: <see cref="Append"/> only queues the entry (microseconds), a single
/// background writer appends what has queued in batches (<see cref="AuditTrail.AppendAll"/>: one lock, one
/// flush to disk per batch), so thousands of calls per second cost one disk flush every few milliseconds
/// instead of one each. The chain and the cross-process lock are the trail's own. Entries are never dropped:
/// when the queue is full, callers wait; a failed write is retried. An entry is on disk once <see cref="Flush"/>
/// returns, or at the latest a batch later; <see cref="Dispose"/> writes everything still queued.
/// </summary>
public sealed class BufferedAuditTrail : IDisposable
{
    private const int MaxBatch = 4096;

    private readonly Channel<AuditEvent> _queue = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Action<Exception>? _onError;
    private readonly Task _writer;
    private readonly object _progress = new();
    private long _queued;
    private long _written;

    public BufferedAuditTrail(AuditTrail trail, Action<Exception>? onError = null)
    {
        Trail = trail;
        _onError = onError;
        _writer = Task.Run(WriteAsync);
    }

    public AuditTrail Trail { get; }

    public void Append(AuditEvent entry)
    {
        lock (_progress)
        {
            _queued++;
        }

        if (!_queue.Writer.TryWrite(entry))
        {
            // Back-pressure rather than loss: a full queue means the disk is behind.
            _queue.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits until every entry queued before the call is on disk (tests, shutdown), or the timeout passes.</summary>
    public bool Flush(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        lock (_progress)
        {
            var target = _queued;
            while (_written < target)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _writer.IsCompleted)
                {
                    return false;
                }

                Monitor.Wait(_progress, left);
            }

            return true;
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(30));
    }

    private async Task WriteAsync()
    {
        var batch = new List<AuditEvent>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Trail.AppendAll(batch);
                    break;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
                {
                    // Keep the batch and try again: an audit entry is not optional.
                    _onError?.Invoke(e);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 10 * attempt))).ConfigureAwait(false);
                }
            }

            lock (_progress)
            {
                _written += batch.Count;
                Monitor.PulseAll(_progress);
            }

            batch.Clear();
        }
    }
}
