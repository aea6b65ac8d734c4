namespace EAmazing.Cli.Tests.Commands;

/// <summary><c>models list</c> and the help pages of the commands that read the registry.</summary>
public sealed class ModelsCommandTests : CliTestFolder
{
    [Fact]
    public void An_empty_registry_says_where_it_looked_and_how_to_point_elsewhere()
    {
        var registry = Path.Combine(Root, "elsewhere", "models");

        var run = new CliProcess(Root).Run("models", "list", "--models", registry);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"no model in {registry} yet", run.Output, StringComparison.Ordinal);
        Assert.Contains("--models DIR", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("monitor", "drift")]
    [InlineData("train", "purchase")]
    public void Help_lists_the_models_option_once(params string[] command)
    {
        var run = new CliProcess(Root).Run([.. command, "--help"]);

        Assert.Single(run.Output.Split('\n'), l => l.TrimStart().StartsWith("--models", StringComparison.Ordinal));
    }
}
