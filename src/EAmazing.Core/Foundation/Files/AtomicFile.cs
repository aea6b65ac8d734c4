namespace EAmazing.Foundation.Files;

/// <summary>A file written under a temporary name and renamed into place on commit, so readers never see half a file.</summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _temporaryPath;
    private bool _committed;

    public AtomicFile(string path)
    {
        FinalPath = path;
        _temporaryPath = path + ".tmp-" + Environment.ProcessId;
        Stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    }

    public string FinalPath { get; }

    public FileStream Stream { get; }

    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporaryPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Stream.Dispose();
            File.Delete(_temporaryPath);
        }
    }
}
