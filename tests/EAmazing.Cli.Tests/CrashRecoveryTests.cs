using System.Diagnostics;
using EAmazing.Sources.Synthetic;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;

namespace EAmazing.Cli.Tests;

/// <summary>
/// Kills <c>eamazing ingest</c> at random moments: after each kill the lake (once opened, which recovers)
/// is consistent, and after a final re-run it is identical to a lake from one clean run.
/// </summary>
public sealed class CrashRecoveryTests : CliTestFolder
{

    [Fact]
    public void A_lake_killed_at_random_moments_stays_consistent_and_a_rerun_matches_a_clean_run()
    {
        var input = Path.Combine(Root, "input");
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, OutputDirectory = input }).Run();
        Directory.Delete(Path.Combine(input, "truth"), recursive: true);
        File.Copy(SampleFiles.RealHead, Path.Combine(input, "2019-Oct-head.csv.gz"));
        File.WriteAllText(Path.Combine(input, "odd-rows.csv"), string.Join('\n',
            "2019-10-02 10:00:00 UTC,view,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c",
            "2019-10-02 10:00:01 UTC,click,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c",
            "2019-11-02 10:00:01 UTC,view,1,2,,,1.00,3,") + "\n");
        var cli = new CliProcess(Root);

        var cleanLake = Path.Combine(Root, "clean");
        var clock = Stopwatch.StartNew();
        var clean = cli.Run("ingest", input, "--lake", cleanLake);
        var cleanRun = clock.Elapsed;
        Assert.True(clean.ExitCode == 0, clean.Output);

        var crashLake = Path.Combine(Root, "crashed");
        var random = new Random(46);
        int kills = 0, leftovers = 0, attempts = 0;
        while (kills < 10 && attempts++ < 40)
        {
            bool killed;
            using (var process = cli.Start("ingest", input, "--lake", crashLake))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(random.Next(0, (int)cleanRun.TotalMilliseconds)));
                killed = !process.HasExited;
                if (killed)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.WaitForExit();
            }

            kills += killed ? 1 : 0;
            leftovers += HasLeftovers(crashLake) ? 1 : 0;
            using (var lake = DuckDbLake.Open(crashLake))
            {
                Assert.Empty(LakeConsistency.Check(lake));
            }

            if (!killed)
            {
                Directory.Delete(crashLake, recursive: true); // it finished: start over, so the next kill lands mid-ingest
            }
        }

        Assert.True(kills >= 10, $"only {kills} kills landed while ingest was running");
        Assert.True(leftovers > 0, "no kill left work in progress behind, so recovery was never exercised");

        var rerun = cli.Run("ingest", input, "--lake", crashLake);
        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Equal(Fingerprint(cleanLake), Fingerprint(crashLake));
    }

    private static bool HasLeftovers(string root) =>
        Directory.Exists(root)
        && (File.Exists(Path.Combine(root, "_commit.json"))
            || Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories).Any()
            || (Directory.Exists(Path.Combine(root, ".staging")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, ".staging")).Any()));

    /// <summary>The lake's content, timings and byte sizes aside: catalog rows, partitions, and a hash of every layer's rows.</summary>
    private static List<string> Fingerprint(string root)
    {
        using var lake = DuckDbLake.Open(root);
        Assert.Empty(LakeConsistency.Check(lake));
        var lines = lake.IngestedFiles().Select(f => $"{f.FileId} {Path.GetFileName(f.Path)} {f.Sha256} {f.Rows} {f.EmptySessions} {f.Status} {f.Problem} {f.KeyId}").ToList();
        lines.AddRange(lake.Partitions().Select(p => $"{p.Layer} {p.PartitionKey} {p.Path} {p.FileId} {p.Rows} {p.KeyId}"));
        foreach (var layer in LakeLayer.All)
        {
            var row = lake.Query($"SELECT count(*), sum(hash(t)) FROM {layer} AS t").Rows[0];
            lines.Add($"{layer} {row[0]} {row[1]}");
        }

        return lines;
    }
}
