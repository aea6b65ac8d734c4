namespace EAmazing.Foundation.Files;

/// <summary>
/// A folder filled under a temporary name beside its final one, its files flushed to disk and the folder renamed
/// into place on <see cref="Commit"/>: readers see all of it or none of it. The final folder must not exist yet
/// (a folder cannot be renamed over another). Disposed without a commit, the temporary folder goes.
/// </summary>
public sealed class AtomicDirectory : IDisposable
{
    private bool _committed;

    /// <param name="path">The folder to create.</param>
    /// <param name="temporaryPath">Where it is filled, on the same file system; <c>&lt;path&gt;.tmp-&lt;process id&gt;</c> when null.
    /// A leftover there (a crashed attempt) is removed first.</param>
    public AtomicDirectory(string path, string? temporaryPath = null)
    {
        FinalPath = path;
        TemporaryPath = temporaryPath ?? path + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(TemporaryPath))
        {
            Directory.Delete(TemporaryPath, recursive: true);
        }

        Directory.CreateDirectory(TemporaryPath);
    }

    public string FinalPath { get; }

    /// <summary>The folder to write into until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>Flushes every file in the folder to disk, then renames the folder to <see cref="FinalPath"/>.</summary>
    public void Commit()
    {
        foreach (var file in Directory.EnumerateFiles(TemporaryPath, "*", SearchOption.AllDirectories))
        {
            // Opened for writing (nothing written, nothing truncated) so that the flush reaches the disk.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            stream.Flush(flushToDisk: true);
        }

        Directory.Move(TemporaryPath, FinalPath);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(TemporaryPath))
        {
            Directory.Delete(TemporaryPath, recursive: true);
        }
    }
}
