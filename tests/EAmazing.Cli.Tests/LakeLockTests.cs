using EAmazing.Api.Configuration;
using EAmazing.Api.Dashboard.Data;
using EAmazing.BusinessModels;
using EAmazing.Engine.DuckDb;
using EAmazing.Foundation.Configuration;
using EAmazing.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EAmazing.Cli.Tests;

/// <summary>
/// One process at a time opens a lake (DuckDB's file lock): a command that finds it held by another process waits its
/// turn for a bounded time instead of failing at once, the race a dashboard read and a CLI query used to lose.
/// </summary>
public sealed class LakeLockTests : CliTestFolder
{
    [Fact]
    public async Task A_command_waits_while_another_process_holds_the_lake_then_runs()
    {
        var lakeRoot = Path.Combine(Root, "lake");
        var cli = new CliProcess(Root);
        var held = DuckDbLake.Open(lakeRoot);
        using var command = cli.Start("lake", "status", "--lake", lakeRoot);
        var stdout = command.StandardOutput.ReadToEndAsync();

        // The holder lets go only once the command has said it waits (however long a loaded machine takes to start it).
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var said = new System.Text.StringBuilder();
        while (await command.StandardError.ReadLineAsync(deadline.Token) is { } line)
        {
            said.AppendLine(line);
            if (line.Contains("another eamazing process holds it", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.False(command.HasExited, "the command gave up while the lake was held: " + said);
        held.Dispose();
        var rest = await command.StandardError.ReadToEndAsync(deadline.Token);
        await command.WaitForExitAsync(deadline.Token);

        Assert.True(command.ExitCode == 0, await stdout + said + rest);
        Assert.Contains("another eamazing process holds it", said.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_gives_up_after_the_configured_wait_with_one_line_and_exit_1()
    {
        var lakeRoot = Path.Combine(Root, "lake");
        var cli = new CliProcess(Root) { Environment = new Dictionary<string, string> { ["EAMAZING__LAKELOCKWAITSECONDS"] = "1" } };
        using var held = DuckDbLake.Open(lakeRoot);

        var (exitCode, output) = cli.Run("sql", "SELECT 1", "--lake", lakeRoot);

        Assert.Equal(1, exitCode);
        Assert.Contains("Could not set lock", output, StringComparison.Ordinal);
        Assert.Contains("waited 1 s", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_runs_at_once_while_the_dashboard_reads_the_lake_over_and_over()
    {
        var world = IngestTinyWorld(buildGold: false);
        var impatient = new CliProcess(Root) { Environment = new Dictionary<string, string> { ["EAMAZING__LAKELOCKWAITSECONDS"] = "0" } };
        var paths = new ServingPaths(Options.Create(new PlatformOptions { Lake = world.Lake, Models = world.Models }), Options.Create(new ServingOptions()));
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var problems = new List<string>();

        // A fresh dashboard per round, so every round reads the lake rather than its cache.
        var dashboard = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var data = new DashboardData(paths, new DuckDbEngine(), BusinessModelCatalog.Default, Options.Create(new PrivacyOptions()), NullLogger<DashboardData>.Instance);
                var lake = await data.LakeAsync();
                if (lake.Problem is { } problem)
                {
                    problems.Add(problem);
                }

                Interlocked.Increment(ref reads);
            }
        });
        while (Volatile.Read(ref reads) == 0 && !dashboard.IsCompleted)
        {
            await Task.Delay(10);
        }

        var readsBefore = Volatile.Read(ref reads);
        var (exitCode, output) = impatient.Run("features", "build", "--lake", world.Lake);
        var readsDuring = Volatile.Read(ref reads) - readsBefore;
        await stop.CancelAsync();
        await dashboard;

        Assert.True(exitCode == 0, output);
        Assert.True(readsDuring >= 3, $"the dashboard read the lake {readsDuring} time(s) while the command ran");
        Assert.Empty(problems);
    }
}
