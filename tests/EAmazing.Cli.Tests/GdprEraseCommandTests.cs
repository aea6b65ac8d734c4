using System.Diagnostics;
using System.Text.Json;
using EAmazing.Features;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;

namespace EAmazing.Cli.Tests;

/// <summary><c>gdpr erase</c> and <c>gdpr export</c> as a DPO runs them: input errors, the whole flow, and a kill at any moment.</summary>
public sealed class GdprEraseCommandTests : CliTestFolder
{
    // Two users of the real sample rows (51 and 50 events).
    private const string First = "515136153";
    private const string Second = "531063605";

    private readonly CliProcess _cli;

    public GdprEraseCommandTests()
    {
        _cli = new CliProcess(Root);
    }

    private string Lake => Path.Combine(Root, "lake");

    [Fact]
    public void A_bad_line_in_the_id_file_is_a_usage_error_naming_the_line_without_echoing_it()
    {
        var ids = Path.Combine(Root, "ids.txt");
        File.WriteAllLines(ids, [First, "# a comment", "12x45", Second]);

        var run = _cli.Run("gdpr", "erase", "--from-file", ids, "--lake", Lake);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("line 3 is not a user id", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("12x45", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Lake), "nothing may be opened or created before the ids are valid");
    }

    [Fact]
    public void Erase_from_a_file_then_again_then_export_and_the_audit_trail_verifies()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);
        var ids = Path.Combine(Root, "ids.txt");
        File.WriteAllLines(ids, [First, "", Second]);

        var erase = _cli.Run("gdpr", "erase", "--from-file", ids, "--lake", Lake);
        var again = _cli.Run("gdpr", "erase", "--user", First, "--lake", Lake);
        var inside = _cli.Run("gdpr", "export", "--user", First, "--out", Path.Combine(Lake, "x.json"), "--lake", Lake);
        var export = _cli.Run("gdpr", "export", "--user", First, "--out", Path.Combine(Root, "out", "first.json"), "--lake", Lake);
        var verify = _cli.Run("lake", "verify", "--lake", Lake);
        var audit = _cli.Run("gdpr", "audit", "verify", "--lake", Lake);

        Assert.True(erase.ExitCode == 0, erase.Output);
        Assert.Contains("Rows removed", erase.Output, StringComparison.Ordinal);
        Assert.Matches(@"silver\s*│\s*101\s", erase.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("already erased; 0 rows removed", again.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, inside.ExitCode);
        Assert.True(export.ExitCode == 0, export.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "out", "first.json")));
        Assert.Empty(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.Single(json.RootElement.GetProperty("erasures").EnumerateArray());
        Assert.Equal(2, json.RootElement.GetProperty("audit").GetArrayLength()); // erase and erase again; the export's own entry follows it
        Assert.Equal(0, verify.ExitCode);
        Assert.True(audit.ExitCode == 0, audit.Output);
        foreach (var run in new[] { erase, again, export })
        {
            Assert.DoesNotContain(First, run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Second, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_erasure_killed_at_any_moment_leaves_the_old_or_the_new_lake_and_a_rerun_completes_it()
    {
        var prepared = Path.Combine(Root, "prepared");
        Assert.Equal(0, _cli.Run("ingest", SampleFiles.RealHead, "--lake", prepared).ExitCode);
        Assert.Equal(0, _cli.Run("features", "build", "--lake", prepared).ExitCode);
        var clean = Copy(prepared, "clean");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, _cli.Run("gdpr", "erase", "--user", First, Second, "--lake", clean).ExitCode);
        var cleanRun = clock.Elapsed;
        var expected = ErasureLog(clean);

        var random = new Random(46);
        var kills = 0;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var crashed = Copy(prepared, $"crashed-{attempt}");
            using (var process = _cli.Start("gdpr", "erase", "--user", First, Second, "--lake", crashed))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(random.Next((int)(cleanRun.TotalMilliseconds * 0.2), (int)(cleanRun.TotalMilliseconds * 0.8))));
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    kills++;
                }

                process.WaitForExit();
            }

            using (var lake = DuckDbLake.Open(crashed))
            {
                Assert.Empty(LakeConsistency.Check(lake));
                Assert.DoesNotContain(GoldConsistency.Check(lake), p => !p.StartsWith("temporary file", StringComparison.Ordinal));
                var bronze = Convert.ToInt64(lake.Query("SELECT count(*) FROM bronze").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(bronze is 17_434 or 17_434 - 101, $"bronze holds {bronze} rows: neither the old nor the new lake");
            }

            var rerun = _cli.Run("gdpr", "erase", "--user", First, Second, "--lake", crashed);
            Assert.True(rerun.ExitCode == 0, rerun.Output);
            Assert.Equal(expected, ErasureLog(crashed));
            using (var lake = DuckDbLake.Open(crashed))
            {
                Assert.Empty(LakeConsistency.Check(lake));
                Assert.Empty(GoldConsistency.Check(lake));
            }
        }

        Assert.True(kills > 0, "no kill landed while the erasure was running");
    }

    private string Copy(string from, string name)
    {
        var to = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    /// <summary>What the erasure recorded, times aside: subjects and rows removed per table.</summary>
    private static List<string> ErasureLog(string root)
    {
        using var lake = DuckDbLake.Open(root);
        return lake.Query("SELECT erasure_id, subject_digest, rows_removed FROM erasure_log ORDER BY ALL").Rows
            .Select(r => string.Join(' ', r)).ToList();
    }
}
