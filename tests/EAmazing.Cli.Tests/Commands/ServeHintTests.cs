using EAmazing.Cli.Commands;
using EAmazing.Models.Registry;

namespace EAmazing.Cli.Tests.Commands;

/// <summary>The hint after the demo names the lake and registry the run used, so pasting it serves those and not the defaults.</summary>
public sealed class ServeHintTests : CliTestFolder
{
    [Fact]
    public void Every_eamazing_line_carries_the_given_lake_and_models_shell_quoted()
    {
        var lines = ServeHint.Lines(new ModelRegistry(Root), ["--lake", "/data/my lake", "--models", "/data/models"]);

        var commands = lines.Where(l => l.Contains("./eamazing ", StringComparison.Ordinal)).ToList();
        Assert.Contains(commands, l => l.StartsWith("./eamazing serve", StringComparison.Ordinal));
        Assert.Contains(commands, l => l.StartsWith("./eamazing models promote", StringComparison.Ordinal));
        Assert.All(commands, l => Assert.Contains("--lake '/data/my lake' --models /data/models", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_options_the_lines_use_the_configured_lake_and_models()
    {
        var lines = ServeHint.Lines(new ModelRegistry(Root));

        Assert.Contains("./eamazing serve &", lines);
        Assert.DoesNotContain(lines, l => l.Contains("--lake", StringComparison.Ordinal) || l.Contains("--models", StringComparison.Ordinal));
    }
}
