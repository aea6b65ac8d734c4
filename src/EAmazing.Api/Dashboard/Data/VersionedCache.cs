namespace EAmazing.Api.Dashboard.Data;

/// <summary>
/// One value per version of what it was read from (the lake's catalog, the registry's cards, the audit trail): pages
/// read it at memory speed until the version changes, then the next visit reads it again.
/// </summary>
public sealed class VersionedCache<T>
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    /// <param name="keep">Whether a value read is kept for its version (a lake busy for a moment is read again at the next visit).</param>
    public async Task<T> GetAsync(string version, Func<T> read, Func<T, bool>? keep = null)
    {
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
                Volatile.Write(ref _current, new Entry(version, value));
            }

            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Entry(string Version, T Value);
}
