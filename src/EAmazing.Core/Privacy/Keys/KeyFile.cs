using EAmazing.Foundation.Files;

namespace EAmazing.Privacy.Keys;

/// <summary>
/// Writes, reads and destroys pseudonym key files (hex, one line, owner-only permissions). A key file is
/// written aside, flushed to disk and renamed into place, so a crash never leaves half a key behind.
/// Beside a key file live the files of a rotation in progress: <see cref="PendingOf"/> (the next key) and
/// <see cref="RotationStateOf"/> (how far the rotation got; key ids only).
/// </summary>
public static class KeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The next key of a rotation in progress.</summary>
    public static string PendingOf(string keyFile) => keyFile + ".pending";

    /// <summary>The progress of a rotation in progress (key ids, phase; never a key).</summary>
    public static string RotationStateOf(string keyFile) => keyFile + ".rotation.json";

    /// <summary>Creates the key file; unless <paramref name="overwrite"/>, fails when one exists (also when one appears meanwhile: the final rename does not replace).</summary>
    public static void Write(string path, PseudonymKey key, bool overwrite = false)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }

        if (!overwrite && File.Exists(path))
        {
            throw new PseudonymKeyException($"a pseudonym key file already exists at {path}");
        }

        AtomicFile.Write(path, stream => stream.Write(System.Text.Encoding.ASCII.GetBytes(key.ToHex() + "\n")),
            temporaryPath: path + ".writing", unixCreateMode: OwnerOnly, overwrite: overwrite);
    }

    /// <summary>The key in a file, or null when the file is missing or holds no key (e.g. overwritten by <see cref="Destroy"/>).</summary>
    public static PseudonymKey? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return PseudonymKey.TryParseHex(File.ReadAllText(path), out var key, out _) ? key : null;
    }

    /// <summary>
    /// Overwrites the file's bytes with zeros, flushes them to disk, then deletes it. Best effort against
    /// recovery from the disk: copy-on-write file systems and SSD wear levelling may keep old blocks.
    /// </summary>
    public static void Overwrite(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
        var zeros = new byte[Math.Max(stream.Length, 1)];
        stream.Write(zeros);
        stream.Flush(flushToDisk: true);
    }

    public static void Destroy(string path)
    {
        Overwrite(path);
        File.Delete(path);
    }

    /// <summary>True when <paramref name="path"/> lies inside <paramref name="folder"/> (or is it).</summary>
    public static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return full.Equals(root, comparison) || full.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }
}
