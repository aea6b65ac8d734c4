namespace EAmazing.Cli.Tests;

/// <summary>A test class's own folder (the CLI's HOME, inputs, lakes), deleted after each test.</summary>
public abstract class CliTestFolder : IDisposable
{
    protected CliTestFolder() => Directory.CreateDirectory(Root);

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "eamazing-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Copies a folder (a lake) file by file, e.g. to start a crash attempt from the same state again.</summary>
    protected static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }

        GC.SuppressFinalize(this);
    }
}
