using System.CommandLine;
using System.Text.RegularExpressions;
using EAmazing.BusinessModels;

namespace EAmazing.Cli.Tests;

/// <summary>
/// Every command of the CLI (the README's reference lists them) run as a user would get it wrong: with an unknown option,
/// against a lake that does not exist and against a lake that holds no events. No output may hold a stack trace or a .NET
/// type name, and every exit code is one the README documents (0, 1, 2, 3), with the code each case is documented to give.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class CommandErrorsTests : CliTestFolder
{
    private static readonly int[] DocumentedExitCodes = [ExitCodes.Success, ExitCodes.Failure, ExitCodes.UsageError, ExitCodes.DataError];

    /// <summary>Commands that read the lake: without one they must say so and exit 1.</summary>
    private static readonly string[] ReadTheLake =
    [
        "lake status", "lake verify", "sql", "features build", "features status", "features audit", "gdpr export", "gdpr erase",
        "gdpr retention apply", "gdpr register", "report segments", "report demand",
    ];

    /// <summary>Commands that run until stopped or run the whole pipeline: only the unknown option is tried.</summary>
    private static readonly string[] LongRunning = ["demo", "serve"];

    private readonly CliProcess _cli;

    public CommandErrorsTests() => _cli = new CliProcess(Root);

    [Fact]
    public void Every_command_with_a_bad_option_a_missing_lake_or_an_empty_lake_answers_in_one_line_with_a_documented_code()
    {
        var empty = Path.Combine(Root, "empty-lake");
        var headerOnly = Path.Combine(Root, "2019-Oct.csv");
        File.WriteAllText(headerOnly, "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n");
        Assert.Equal(ExitCodes.Success, _cli.Run("ingest", headerOnly, "--lake", empty).ExitCode);
        var failures = new List<string>();

        foreach (var command in LeafCommands(EAmazingCli.BuildRoot(BusinessModelCatalog.Default)))
        {
            string[] words = [.. command.Split(' '), .. ArgumentsFor(command, headerOnly)];
            // One per command: ingest creates the lake it is given.
            var missing = Path.Combine(Root, "no-lake-" + command.Replace(' ', '-'));
            Check(command, "a bad option", _cli.Run([.. words, "--no-such-option", "--lake", missing]), ExitCodes.UsageError);
            if (LongRunning.Contains(command))
            {
                continue;
            }

            var needsLake = ReadTheLake.Contains(command) || command.StartsWith("train ", StringComparison.Ordinal);
            Check(command, "a missing lake", _cli.Run([.. words, "--lake", missing, "--models", Path.Combine(missing, "models")]), needsLake ? ExitCodes.Failure : null);
            Check(command, "an empty lake", _cli.Run([.. words, "--lake", empty, "--models", Path.Combine(empty, "models")]), command.StartsWith("train ", StringComparison.Ordinal) ? ExitCodes.Failure : null);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        void Check(string command, string mistake, (int ExitCode, string Output) run, int? expected)
        {
            var problem = run.Output.Contains("   at ", StringComparison.Ordinal) || StackOrTypeName().IsMatch(run.Output) ? "a stack trace or .NET type name"
                : !DocumentedExitCodes.Contains(run.ExitCode) ? $"undocumented exit code {run.ExitCode}"
                : expected is { } code && run.ExitCode != code ? $"exit code {run.ExitCode} instead of {code}"
                : run.ExitCode != 0 && !run.Output.Contains("error: ", StringComparison.Ordinal) ? "no error line"
                : null;
            if (problem is not null)
            {
                failures.Add($"eamazing {command} with {mistake}: {problem}\n{run.Output}");
            }
        }
    }

    [Fact]
    public void The_readme_reference_names_only_commands_that_exist_and_every_top_level_command()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var documented = ReadmeCommand().Matches(readme).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var actual = EAmazingCli.BuildRoot(BusinessModelCatalog.Default).Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(documented.Except(actual));
        Assert.Empty(actual.Except(documented));
    }

    [Fact]
    public void Train_before_features_build_names_the_step_to_run_first()
    {
        var lake = Path.Combine(Root, "lake");
        _cli.Run("ingest", SampleFiles.RealHead, "--lake", lake);

        var run = _cli.Run("train", "purchase", "--trials", "1", "--lake", lake, "--models", Path.Combine(Root, "models"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Matches(@"^error: the lake at .* has no gold_cart_prediction_points.*: run eamazing features build first$", run.Output.Trim());
    }

    [Theory]
    [InlineData("a date (yyyy-MM-dd)", "features", "build", "--from", "2019-13-01")]
    [InlineData("a whole number", "generate", "--seed", "x")]
    [InlineData("--trials must be at least 1", "train", "purchase", "--trials", "-1")]
    [InlineData("unknown model family 'xgboost'", "train", "purchase", "--families", "xgboost")]
    [InlineData("no generated .csv or .csv.gz file", "realism", "--data", "no-such-folder")]
    public void A_bad_value_is_one_line_in_words_before_any_work(string message, params string[] args)
    {
        var run = _cli.Run([.. args, "--lake", Path.Combine(Root, "no-lake")]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Trim().Split('\n'));
    }

    private static IEnumerable<string> LeafCommands(Command command, string prefix = "")
    {
        foreach (var sub in command.Subcommands)
        {
            var path = (prefix + " " + sub.Name).Trim();
            if (sub.Subcommands.Count == 0)
            {
                yield return path;
            }

            foreach (var leaf in LeafCommands(sub, path))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>The arguments a command needs to get as far as the lake (made-up names: nothing here exists).</summary>
    private string[] ArgumentsFor(string command, string headerOnlyFile) => command switch
    {
        "sql" => ["SELECT count(*) FROM silver"],
        "ingest" => [headerOnlyFile],
        "generate" => ["--scale", "tiny", "--out", Path.Combine(Root, "generated")],
        "realism" => ["--data", Path.Combine(Root, "no-data")],
        "features audit" => ["--table", "cart_prediction_points", "--month", "2019-10"],
        "models show" or "models promote" => ["purchase-intent-cart", "1"],
        "models compare" => ["purchase-intent-cart", "1", "2"],
        "api-key create" => ["--role", "reader"],
        "api-key revoke" => ["no-such-key"],
        "gdpr export" => ["--user", "1", "--out", Path.Combine(Root, "export.json")],
        "gdpr erase" => ["--user", "1"],
        "gdpr retention apply" => ["--dry-run"],
        _ when command.StartsWith("train ", StringComparison.Ordinal) => ["--trials", "1"],
        _ => [],
    };

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EAmazing.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("no EAmazing.slnx above the test binary");
    }

    [GeneratedRegex(@"Unhandled exception|Exception:|System\.[A-Z][A-Za-z]+`|System\.(Int|UInt|Nullable|DateOnly|Double|Decimal)")]
    private static partial Regex StackOrTypeName();

    [GeneratedRegex(@"^\| `\./eamazing ([a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex ReadmeCommand();
}
