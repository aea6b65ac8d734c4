namespace EAmazing.Cli.Tests;

/// <summary><c>lake verify</c> and the other commands on a lake one of whose Parquet files was deleted by hand.</summary>
public sealed class LakeVerifyCommandTests : CliTestFolder
{
    [Fact]
    public void A_missing_Parquet_file_is_named_by_verify_with_exit_3_and_other_commands_still_open_the_lake()
    {
        var cli = new CliProcess(Root);
        var lake = Path.Combine(Root, "lake");
        Assert.Equal(0, cli.Run("ingest", SampleFiles.RealHead, "--lake", lake).ExitCode);
        var silver = Directory.EnumerateFiles(Path.Combine(lake, "silver"), "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var relative = Path.GetRelativePath(lake, silver).Replace(Path.DirectorySeparatorChar, '/');
        File.Delete(silver);

        var verify = cli.Run("lake", "verify", "--lake", lake);
        var status = cli.Run("lake", "status", "--lake", lake);

        Assert.Equal(ExitCodes.DataError, verify.ExitCode);
        Assert.Contains($"missing file: {relative} (silver month 2019-10)", verify.Output, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Single(status.Output.Split('\n'), l => l.Contains($"missing file: {relative}", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", verify.Output + status.Output, StringComparison.Ordinal);
    }
}
