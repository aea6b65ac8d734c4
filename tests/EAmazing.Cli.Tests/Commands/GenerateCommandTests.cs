namespace EAmazing.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "eamazing-cli-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("--scale", "huge")]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "many")]
    [InlineData("--unknown-option", "x")]
    public async Task Bad_Options_Give_A_Usage_Error_Exit_Code_And_A_Message(string option, string value)
    {
        var (code, _, error) = await Run("generate", option, value, "--out", _out);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.False(Directory.Exists(_out) && Directory.EnumerateFiles(_out).Any());
    }

    [Theory]
    [InlineData("2019-13", "not a month range")]
    [InlineData("2021-01", "REES46 period")]
    [InlineData("2019-12..2019-10", "before the first")]
    public async Task A_Bad_Month_Range_Names_The_Option_And_The_Problem(string months, string message)
    {
        var (code, _, error) = await Run("generate", "--months", months, "--out", _out);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--months", error);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Generate_Tiny_Writes_The_Month_File_And_The_Truth()
    {
        var (code, _, _) = await Run("generate", "--scale", "tiny", "--seed", "3", "--out", _out);

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(Path.Combine(_out, "2019-Oct.csv.gz")));
        foreach (var truth in new[] { "sessions.csv.gz", "users.csv.gz", "demand_daily.csv.gz", "world.json" })
        {
            Assert.True(File.Exists(Path.Combine(_out, "truth", truth)), truth);
        }
    }

    [Fact]
    public async Task Generate_Without_Gzip_Writes_Plain_Csv()
    {
        var (code, _, _) = await Run("generate", "--scale", "tiny", "--months", "2020-04", "--no-gzip", "--out", _out);

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("event_time,event_type,", File.ReadLines(Path.Combine(_out, "2020-Apr.csv")).First());
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EAmazingCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
