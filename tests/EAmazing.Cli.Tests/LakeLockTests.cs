using EAmazing.Engine.DuckDb;

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
        var stderr = command.StandardError.ReadToEndAsync();
        var stdout = command.StandardOutput.ReadToEndAsync();

        // The command starts, finds the lake held, says so and waits; the holder lets go a moment later.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(command.HasExited, "the command gave up while the lake was held");
        held.Dispose();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await command.WaitForExitAsync(deadline.Token);

        Assert.True(command.ExitCode == 0, await stdout + await stderr);
        Assert.Contains("another eamazing process holds it", await stderr, StringComparison.Ordinal);
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
}
