namespace EAmazing.Monitoring.Predictions;

/// <summary>
/// The predictions log's writer lock, across processes: the server holds it while it appends a batch, and an
/// erasure, key rotation or retention holds it while it rewrites or deletes log files, so no line is appended to
/// a file that is being replaced (it would be lost with the old file). An exclusive open of
/// <c>monitoring/predictions/.lock</c>: .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on
/// Unix and a share-mode lock on Windows, so a second holder, in this process or another, waits.
/// </summary>
public sealed class PredictionLogLock : IDisposable
{
    private readonly FileStream _file;

    private PredictionLogLock(FileStream file) => _file = file;

    public static string PathOf(string lakeRoot) => Path.Combine(PredictionLog.Folder(lakeRoot), ".lock");

    /// <summary>Waits for the lock (polling: flock has no timed wait) until <paramref name="cancellationToken"/> ends the wait.</summary>
    public static PredictionLogLock Acquire(string lakeRoot, CancellationToken cancellationToken = default)
    {
        var path = PathOf(lakeRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new PredictionLogLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                // held by another writer: wait a little and try again
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(5));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
