using System.Diagnostics;
using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Privacy.Keys;

namespace EAmazing.Cli.Tests;

/// <summary><c>eamazing gdpr key init|status|rotate</c> run as a user would, with the key in a file under a throw-away home.</summary>
public sealed class GdprKeyCommandTests : CliTestFolder
{

    private string Lake => Path.Combine(Root, "lake");

    private string KeyPath => Path.Combine(Root, ".config", "eamazing", "pseudonym.key");

    [Fact]
    public void Init_creates_an_owner_only_key_once_and_never_inside_the_lake()
    {
        var cli = new CliProcess(Root) { KeyFromEnvironment = false };

        var first = cli.Run("gdpr", "key", "init", "--lake", Lake);
        var key = File.ReadAllText(KeyPath).Trim();
        var second = cli.Run("gdpr", "key", "init", "--lake", Lake);
        var inside = RunWith(new() { ["EAMAZING__PSEUDONYMKEYFILE"] = Path.Combine(Lake, "secret.key") }, "gdpr", "key", "init", "--lake", Lake);

        Assert.True(first.ExitCode == 0, first.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }

        Assert.DoesNotContain(key, first.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Output, StringComparison.Ordinal);
        Assert.Equal(key, File.ReadAllText(KeyPath).Trim());
        Assert.Equal(1, inside.ExitCode);
        Assert.Contains("inside the lake", inside.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Lake, "secret.key")));
    }

    [Fact]
    public void Rotate_moves_the_lake_to_a_new_key_destroys_the_old_one_and_status_tells_a_lake_on_another_key()
    {
        var cli = new CliProcess(Root) { KeyFromEnvironment = false };
        Assert.Equal(0, cli.Run("gdpr", "key", "init", "--lake", Lake).ExitCode);
        var oldKey = File.ReadAllText(KeyPath).Trim();
        Assert.Equal(0, cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);
        var before = cli.Run("gdpr", "key", "status", "--lake", Lake);

        var rotate = cli.Run("gdpr", "key", "rotate", "--lake", Lake);
        var newKey = File.ReadAllText(KeyPath).Trim();
        var after = cli.Run("gdpr", "key", "status", "--lake", Lake);
        var fromEnvironment = new CliProcess(Root).Run("gdpr", "key", "rotate", "--lake", Lake);
        var mismatch = new CliProcess(Root).Run("gdpr", "key", "status", "--lake", Lake);

        Assert.True(before.ExitCode == 0, before.Output);
        Assert.True(rotate.ExitCode == 0, rotate.Output);
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.NotEqual(oldKey, newKey);
        foreach (var output in new[] { before.Output, rotate.Output, after.Output })
        {
            Assert.DoesNotContain(oldKey, output, StringComparison.Ordinal);
            Assert.DoesNotContain(newKey, output, StringComparison.Ordinal);
        }

        Assert.Equal([KeyPath], Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
        Assert.Contains("every record matches the current key", after.Output, StringComparison.Ordinal);
        Assert.Equal(2, fromEnvironment.ExitCode);
        Assert.Contains("EAMAZING_PSEUDONYM_KEY", fromEnvironment.Output, StringComparison.Ordinal);
        Assert.Equal(3, mismatch.ExitCode);
        Assert.Contains("not the current key", mismatch.Output, StringComparison.Ordinal);
        using var lake = DuckDbLake.Open(Lake);
        Assert.Empty(LakeConsistency.Check(lake));
    }

    [Fact]
    public void While_a_rotation_is_unfinished_features_build_train_and_score_refuse_the_lake_it_holds_on_two_keys()
    {
        var cli = new CliProcess(Root) { KeyFromEnvironment = false };
        Assert.Equal(0, cli.Run("gdpr", "key", "init", "--lake", Lake).ExitCode);
        Assert.Equal(0, cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);
        var pending = KeyFile.PendingOf(KeyPath);
        KeyFile.Write(pending, EAmazing.Privacy.PseudonymKey.Generate(), overwrite: true); // a rotation stopped between its commits

        var build = cli.Run("features", "build", "--lake", Lake);
        var train = cli.Run("train", "purchase", "--lake", Lake);
        var score = cli.Run("score", "segments", "--lake", Lake);

        foreach (var refused in new[] { build, train, score })
        {
            Assert.True(refused.ExitCode == 1, refused.Output);
            Assert.Contains("rotation is unfinished", refused.Output, StringComparison.Ordinal);
            Assert.Contains("eamazing gdpr key rotate", refused.Output, StringComparison.Ordinal);
        }

        var gold = Path.Combine(Lake, "gold");
        Assert.False(Directory.Exists(gold) && Directory.EnumerateFiles(gold, "*.parquet", SearchOption.AllDirectories).Any());
        File.Delete(pending);
        Assert.Equal(0, cli.Run("features", "build", "--lake", Lake).ExitCode);
    }

    [Fact]
    public void A_rotate_killed_at_random_moments_is_finished_by_a_rerun()
    {
        var cli = new CliProcess(Root) { KeyFromEnvironment = false };
        Assert.Equal(0, cli.Run("gdpr", "key", "init", "--lake", Lake).ExitCode);
        Assert.Equal(0, cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);
        Assert.Equal(0, cli.Run("features", "build", "--lake", Lake).ExitCode);
        var built = Partitions(Lake);
        var clock = Stopwatch.StartNew();
        var probe = Path.Combine(Root, "probe");
        CopyFolder(Lake, probe);
        var oldKey = File.ReadAllText(KeyPath);
        Assert.Equal(0, cli.Run("gdpr", "key", "rotate", "--lake", probe).ExitCode);
        var rotation = clock.Elapsed;
        File.WriteAllText(KeyPath, oldKey); // the probe rotated the key file: put the lake's key back

        // Kills aim at the first 70% of a clean rotation's time (start-up included), so most land mid-run on a
        // noisy machine; an attempt that finishes first is a complete rotation, and the next attempt rotates again.
        var random = new Random(46);
        int kills = 0, attempts = 0;
        var latest = Math.Max(400, (int)(rotation.TotalMilliseconds * 0.7));
        while (kills < 4 && attempts++ < 12)
        {
            using var process = cli.Start("gdpr", "key", "rotate", "--lake", Lake);
            Thread.Sleep(TimeSpan.FromMilliseconds(random.Next(200, latest)));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            process.WaitForExit();
        }

        var rerun = cli.Run("gdpr", "key", "rotate", "--lake", Lake);
        var status = cli.Run("gdpr", "key", "status", "--lake", Lake);

        Assert.True(kills > 0, "no kill landed while the rotation was running");
        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.NotEqual(oldKey, File.ReadAllText(KeyPath));
        Assert.Equal([KeyPath], Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
        using var lake = DuckDbLake.Open(Lake);
        Assert.Empty(LakeConsistency.Check(lake));
        Assert.Equal(built, lake.Query("SELECT count(*) FROM gold_partitions").Rows[0][0] is long n ? n : -1);
    }

    private static long Partitions(string folder)
    {
        using var lake = DuckDbLake.Open(folder);
        return lake.Query("SELECT count(*) FROM gold_partitions").Rows[0][0] is long n ? n : -1;
    }

    private (int ExitCode, string Output) RunWith(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliProcess.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("EAMAZING_PSEUDONYM_KEY");
        start.Environment["HOME"] = Root;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + stderr.Result);
    }
}
