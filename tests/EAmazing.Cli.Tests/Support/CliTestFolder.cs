using EAmazing.Sources.Synthetic;

namespace EAmazing.Cli.Tests;

/// <summary>A test class's own folder (the CLI's HOME, inputs, lakes), deleted after each test.</summary>
public abstract class CliTestFolder : IDisposable
{
    protected CliTestFolder() => Directory.CreateDirectory(Root);

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "eamazing-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The world most command tests start from: a tiny generated dataset (seed 5) in <c>ROOT/input</c>, ingested into
    /// <c>ROOT/lake</c> by the real CLI and, unless <paramref name="buildGold"/> is false, its gold layer built; the
    /// registry folder is <c>ROOT/models</c> (not created).
    /// </summary>
    protected TinyWorld IngestTinyWorld(bool buildGold = true, string? workingDirectory = null)
    {
        var world = new TinyWorld(Path.Combine(Root, "input"), Path.Combine(Root, "lake"), Path.Combine(Root, "models"), new CliProcess(Root) { WorkingDirectory = workingDirectory });
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Seed = 5, OutputDirectory = world.Input }).Run();
        Assert.Equal(0, world.Cli.Run("ingest", world.Input, "--lake", world.Lake).ExitCode);
        if (buildGold)
        {
            Assert.Equal(0, world.Cli.Run("features", "build", "--lake", world.Lake).ExitCode);
        }

        return world;
    }

    protected sealed record TinyWorld(string Input, string Lake, string Models, CliProcess Cli);

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
