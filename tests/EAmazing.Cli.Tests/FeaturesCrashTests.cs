using System.Diagnostics;
using EAmazing.Features;
using EAmazing.Sources.Synthetic;
using EAmazing.Engine.DuckDb;

namespace EAmazing.Cli.Tests;

/// <summary>
/// Kills <c>eamazing features build</c> at random moments: after a final re-run the gold layer is consistent with
/// its catalog, holds no temporary file and is identical to a gold layer from one clean build.
/// </summary>
public sealed class FeaturesCrashTests : CliTestFolder
{

    [Fact]
    public void Given_builds_killed_at_random_moments_When_built_once_more_Then_gold_matches_a_clean_build()
    {
        var input = Path.Combine(Root, "input");
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, OutputDirectory = input }).Run();
        Directory.Delete(Path.Combine(input, "truth"), recursive: true);
        var cli = new CliProcess(Root);
        var cleanLake = Path.Combine(Root, "clean");
        var crashLake = Path.Combine(Root, "crashed");
        Assert.Equal(0, cli.Run("ingest", input, "--lake", cleanLake).ExitCode);
        var ingested = Path.Combine(Root, "ingested");
        Assert.Equal(0, cli.Run("ingest", input, "--lake", ingested).ExitCode);
        CopyFolder(ingested, crashLake);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, cli.Run("features", "build", "--lake", cleanLake).ExitCode);
        var cleanRun = clock.Elapsed;

        // Kills aim at the first 70% of a clean build; a build that finishes first leaves nothing to interrupt,
        // so the crashed lake starts over from the ingested copy and the next kill lands mid-build.
        var random = new Random(46);
        int kills = 0, attempts = 0;
        var latest = Math.Max(400, (int)(cleanRun.TotalMilliseconds * 0.7));
        while (kills < 6 && attempts++ < 16)
        {
            using var process = cli.Start("features", "build", "--lake", crashLake);
            Thread.Sleep(TimeSpan.FromMilliseconds(random.Next(200, latest)));
            var killed = !process.HasExited;
            if (killed)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            process.WaitForExit();
            if (!killed)
            {
                Directory.Delete(crashLake, recursive: true);
                CopyFolder(ingested, crashLake);
            }
        }

        var final = cli.Run("features", "build", "--lake", crashLake);

        Assert.True(final.ExitCode == 0, final.Output);
        Assert.True(kills > 0);
        using var clean = DuckDbLake.Open(cleanLake);
        using var crashed = DuckDbLake.Open(crashLake);
        Assert.Empty(GoldConsistency.Check(crashed));
        var views = clean.Views().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(views, crashed.Views().Select(v => v.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var table in GoldTables.All.Where(t => views.Contains(t.ViewName)))
        {
            Assert.Equal(Digest(clean, table), Digest(crashed, table));
        }
    }

    private static string Digest(DuckDbLake lake, GoldTable table) =>
        $"{table.Name}: " + lake.Query($"SELECT count(*) || ' rows, md5 ' || md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) FROM {table.ViewName} AS t").Rows[0][0];
}
