using System.Text;

namespace EAmazing.Foundation.Files;

/// <summary>
/// The platform's one way to replace a file: written under a temporary name in the same folder, flushed to disk
/// (fsync), then renamed over the target, so a reader or a crash sees the whole new content or the whole previous
/// one, never half of either. Disposed without <see cref="Commit"/> (a failed write), the temporary file goes.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    /// <summary>Read and write for the owner alone (keys, API keys, a rotation's progress).</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly bool _overwrite;
    private bool _committed;

    /// <param name="path">The file to replace (or create).</param>
    /// <param name="temporaryPath">
    /// The name written before the rename, in the same folder (a rename is atomic only within one file system);
    /// <c>&lt;path&gt;.tmp-&lt;process id&gt;</c> when null. A caller whose recovery removes leftovers by name passes its own.
    /// </param>
    /// <param name="unixCreateMode">Permissions of the new file (ignored on Windows); the rename keeps them.</param>
    /// <param name="overwrite">False: the rename fails (<see cref="IOException"/>) when the target exists, i.e. exclusive create.</param>
    /// <param name="bufferSize">The write buffer of <see cref="Stream"/>.</param>
    public AtomicFile(string path, string? temporaryPath = null, UnixFileMode? unixCreateMode = null, bool overwrite = true, int bufferSize = 1 << 20)
    {
        FinalPath = path;
        TemporaryPath = temporaryPath ?? path + ".tmp-" + Environment.ProcessId;
        _overwrite = overwrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (unixCreateMode is { } mode && !OperatingSystem.IsWindows())
        {
            // A leftover of a crash would keep its own permissions: the create mode applies to new files only.
            File.Delete(TemporaryPath);
            options.UnixCreateMode = mode;
        }

        Stream = new FileStream(TemporaryPath, options);
    }

    public string FinalPath { get; }

    public string TemporaryPath { get; }

    /// <summary>The temporary file; a writer over it must be flushed (and leave it open) before <see cref="Commit"/>.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes the content to disk and renames it over <see cref="FinalPath"/>.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(TemporaryPath, FinalPath, _overwrite);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Stream.Dispose();
            File.Delete(TemporaryPath);
        }
    }

    /// <summary>Writes a whole file through <paramref name="write"/>; when it throws, the previous file stays as it was.</summary>
    public static void Write(string path, Action<Stream> write, string? temporaryPath = null, UnixFileMode? unixCreateMode = null, bool overwrite = true)
    {
        using var file = new AtomicFile(path, temporaryPath, unixCreateMode, overwrite, bufferSize: 1 << 16);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>
    /// Writes a whole text file through <paramref name="write"/>. The encoding's preamble is written as
    /// <see cref="File.WriteAllText(string, string?, Encoding)"/> would (UTF-8 without one when null).
    /// </summary>
    public static void WriteText(string path, Action<TextWriter> write, Encoding? encoding = null, string? temporaryPath = null, UnixFileMode? unixCreateMode = null, bool overwrite = true) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding ?? Utf8, bufferSize: 1 << 16, leaveOpen: true);
            write(writer);
        }, temporaryPath, unixCreateMode, overwrite);

    /// <summary>The atomic <see cref="File.WriteAllText(string, string?)"/>: same bytes, never half of them.</summary>
    public static void WriteAllText(string path, string text, Encoding? encoding = null, string? temporaryPath = null, UnixFileMode? unixCreateMode = null, bool overwrite = true) =>
        WriteText(path, writer => writer.Write(text), encoding, temporaryPath, unixCreateMode, overwrite);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
