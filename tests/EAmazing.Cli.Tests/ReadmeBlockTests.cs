namespace EAmazing.Cli.Tests;

/// <summary>The README's generated blocks: replaced between their markers only, and refused (before any work) where there is none.</summary>
public sealed class ReadmeBlockTests : CliTestFolder
{
    [Fact]
    public void Only_the_content_between_the_markers_changes_and_a_second_write_replaces_the_first()
    {
        const string text = "# Title\n\nbefore\n<!-- demo:results -->\nold figures\nmore old\n<!-- /demo:results -->\nafter\n";

        var once = ReadmeBlock.Replace(text, "demo:results", "new figures\n");
        var twice = ReadmeBlock.Replace(once, "demo:results", "newer figures");

        Assert.Equal("# Title\n\nbefore\n<!-- demo:results -->\nnew figures\n<!-- /demo:results -->\nafter\n", once);
        Assert.Equal("# Title\n\nbefore\n<!-- demo:results -->\nnewer figures\n<!-- /demo:results -->\nafter\n", twice);
        Assert.Throws<InvalidDataException>(() => ReadmeBlock.Replace("no block here", "demo:results", "x"));
    }

    [Fact]
    public void The_readme_holds_the_block_the_demo_writes()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "EAmazing.slnx")))
        {
            folder = folder.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md"));

        // Rewriting the block with its own content gives the file back: the markers are there, once each.
        Assert.Equal(readme, ReadmeBlock.Replace(readme, "demo:results", Between(readme)));
    }

    [Fact]
    public void Demo_write_readme_outside_a_clone_is_refused_before_any_work()
    {
        var run = new CliProcess(Root) { WorkingDirectory = Root }.Run("demo", "--write-readme", "--lake", Path.Combine(Root, "lake"));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("no README.md with a <!-- demo:results --> block", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "lake")));
        Assert.False(Directory.Exists(Path.Combine(Root, "data")));
    }

    private static string Between(string readme) =>
        readme.Split("<!-- demo:results -->\n")[1].Split("\n<!-- /demo:results -->")[0];
}
