using EAmazing.Foundation.Files;

namespace EAmazing.Core.Tests.Foundation.Files;

public sealed class StorageFailureTests
{
    [Theory]
    [InlineData("No space left on device : '/lake/.staging/x.parquet'")]
    [InlineData("IO Error: Could not write file \"/lake/bronze/x.parquet\": Read-only file system")]
    public void A_full_disk_or_read_only_layer_is_one_line_naming_the_reason(string message)
    {
        var line = StorageFailure.Describe(new InvalidOperationException("the engine failed", new IOException(message + "\n   at somewhere")));

        Assert.NotNull(line);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Another_failure_is_not_taken_for_the_storage()
    {
        Assert.Null(StorageFailure.Describe(new InvalidOperationException("a bug", new FormatException("bad"))));
    }
}
