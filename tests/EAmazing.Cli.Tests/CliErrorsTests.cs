namespace EAmazing.Cli.Tests;

/// <summary>The CLI's one handler for failures no command foresaw, and its wording of parse errors.</summary>
public sealed class CliErrorsTests : CliTestFolder
{
    [Fact]
    public void An_unexpected_exception_is_one_line_pointing_to_a_log_that_holds_its_stack()
    {
        var parse = EAmazingCli.BuildRoot().Parse(["lake", "status"]);
        var error = new StringWriter();
        Exception thrown;
        try
        {
            throw new InvalidOperationException("the disk said no\nsecond line");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var code = CliErrors.ReportUnexpected(thrown, parse, error, Path.Combine(Root, "logs"));

        Assert.Equal(ExitCodes.Failure, code);
        var line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.StartsWith("error: eamazing lake status failed unexpectedly (the disk said no); details in ", line, StringComparison.Ordinal);
        var log = line[(line.IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..].Trim();
        Assert.StartsWith(Path.Combine(Root, "logs"), log, StringComparison.Ordinal);
        Assert.Contains("   at ", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("as expected type 'System.Nullable`1[System.DateOnly]'.", "as a date (yyyy-MM-dd).")]
    [InlineData("as expected type 'System.Int32'.", "as a whole number.")]
    [InlineData("as expected type 'System.TimeSpan'.", "as a duration (hh:mm:ss).")]
    public void Parse_errors_name_the_expected_value_in_words(string message, string friendly)
    {
        Assert.Equal(friendly, CliErrors.Friendly(message));
    }
}
