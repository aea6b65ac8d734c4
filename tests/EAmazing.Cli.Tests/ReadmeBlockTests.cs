using EAmazing.Api.Scoring;
using EAmazing.BusinessModels;
using EAmazing.Cli.Commands;

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
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        // Rewriting the block with its own content gives the file back: the markers are there, once each.
        Assert.Equal(readme, ReadmeBlock.Replace(readme, "demo:results", Between(readme)));
    }

    [Fact]
    public void The_block_holds_the_demos_sample_prediction_with_the_user_as_a_pseudonym_only()
    {
        var sample = new SamplePrediction("/v1/purchase-intent", "{\n  \"user_id\": \"u_0123456789abcdef\"\n}", 200, "{\n  \"probability\": 0.31\n}");
        var written = DemoResults.Markdown([], [sample], TimeSpan.FromSeconds(90), "./eamazing demo --write-readme", new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc));
        Assert.Contains("Sample prediction: `POST /v1/purchase-intent`", written, StringComparison.Ordinal);
        Assert.Contains("```json\n{\n  \"user_id\": \"u_0123456789abcdef\"\n}\n```", written.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("answered 200:", written, StringComparison.Ordinal);

        // The README's block was written by the demo: it holds the sample, its request names the user by a pseudonym
        // (a string), and the raw id of the endpoint's example request appears nowhere in it.
        var block = Between(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
        var example = BusinessModelCatalog.Default.All.Select(m => m.Scorer).OfType<EAmazing.Models.Business.IOnlineScorer>().First().Endpoint.Example;
        var rawId = System.Text.Json.JsonDocument.Parse(example).RootElement.GetProperty("user_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Sample prediction: `POST /v1/purchase-intent`", block, StringComparison.Ordinal);
        var request = block.Split("```json\n")[1].Split("\n```")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.String, System.Text.Json.JsonDocument.Parse(request).RootElement.GetProperty("user_id").ValueKind);
        Assert.DoesNotContain(rawId, block, StringComparison.Ordinal);
        Assert.Contains("\"probability\"", block, StringComparison.Ordinal);
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

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "EAmazing.slnx")))
        {
            folder = folder.Parent;
        }

        return folder.FullName;
    }

    private static string Between(string readme) =>
        readme.Split("<!-- demo:results -->\n")[1].Split("\n<!-- /demo:results -->")[0];
}
