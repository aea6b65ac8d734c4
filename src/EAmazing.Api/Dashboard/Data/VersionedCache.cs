namespace EAmazing.Api.Dashboard.Data;

/// <summary>
/// One value per version of what it was read from (the lake's catalog, the registry's cards, the audit trail): pages
/// read it at memory speed until the version changes, then the next visit reads it again.
/// </summary>
/// <param name="fresh">How long a value is served without looking at its source's version (the audit trail grows with every
/// API call: its page need not be read again for each one).</param>
public sealed class VersionedCache<T>(TimeSpan fresh = default)
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    /// <param name="stamp">The version of the source now.</param>
    /// <param name="keep">Whether a value read is kept for its version (a lake busy for a moment is read again at the next visit).</param>
    public async Task<T> GetAsync(Func<string> stamp, Func<T> read, Func<T, bool>? keep = null)
    {
        if (Volatile.Read(ref _current) is { } recent && Environment.TickCount64 - recent.ReadAt < fresh.TotalMilliseconds)
        {
            return recent.Value;
        }

        var version = stamp();
        if (Volatile.Read(ref _current) is { } hit && hit.Version == version)
        {
            return hit.Value;
        }

        // One reader at a time: ten visits after a change read the lake once.
        await _gate.WaitAsync();
        try
        {
            if (_current is { } again && again.Version == version)
            {
                return again.Value;
            }

            var value = await Task.Run(read);
            if (keep?.Invoke(value) != false)
            {
                // Stamped after the read: opening DuckDB's catalog rewrites the file (a checkpoint), which is not a change of the lake.
                Volatile.Write(ref _current, new Entry(stamp(), value, Environment.TickCount64));
            }

            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Entry(string Version, T Value, long ReadAt);
}
