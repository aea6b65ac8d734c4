using System.Security.Cryptography;
using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>
/// A file whose size no file of the lake has is new content: it is hashed while it is read and named from a sample
/// of its bytes (<see cref="SourceFile.Glance"/>). A sample does not tell two files of one size apart when they differ
/// only between the sampled ends, so a file of a size the lake knows is hashed whole before it is read.
/// </summary>
public sealed class FileIdentityTests
{
    [Fact]
    public void Two_files_of_one_size_that_differ_only_between_their_sampled_ends_are_both_ingested_whole()
    {
        using var lake = new TestLake();
        var (original, changed) = TwinFiles(lake);

        var first = lake.Ingest(original);
        var second = lake.Ingest(changed);

        Assert.Equal(SourceFile.Glance(original).FileId, SourceFile.Glance(changed).FileId); // what a sample alone would name them
        Assert.Equal(IngestAction.Ingested, second.Action);
        Assert.NotEqual(first.File.FileId, second.File.FileId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(changed))), second.File.Sha256);
        Assert.Equal(2, lake.Engine.IngestedFiles().Count);
        Assert.Equal(first.File.Rows.Read + second.File.Rows.Read, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(2, lake.Count("SELECT count(DISTINCT source_file) FROM bronze"));
    }

    [Fact]
    public void A_file_new_to_the_lake_records_the_hash_of_the_bytes_read_and_is_known_again_by_it()
    {
        using var lake = new TestLake();
        var (original, _) = TwinFiles(lake);
        var copy = lake.Input("copy-of-october.csv");
        File.Copy(original, copy);

        var first = lake.Ingest(original);
        var again = lake.Ingest(copy);

        Assert.Equal(SourceFile.Glance(original).FileId, first.File.FileId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(original))), first.File.Sha256);
        Assert.Equal(IngestAction.AlreadyIngested, again.Action);
        Assert.Single(lake.Engine.IngestedFiles());
    }

    [Fact]
    public void A_glance_names_the_content_the_same_wherever_it_lies_and_other_sizes_otherwise()
    {
        using var lake = new TestLake();
        var (original, _) = TwinFiles(lake);
        var copy = lake.Input("elsewhere.csv");
        File.Copy(original, copy);
        var shorter = lake.Input("shorter.csv");
        File.WriteAllBytes(shorter, File.ReadAllBytes(original)[..^1]);

        var glance = SourceFile.Glance(original);

        Assert.Null(glance.Sha256);
        Assert.Equal(SourceKind.Text, glance.Kind);
        Assert.Equal(glance.FileId, SourceFile.Glance(copy).FileId);
        Assert.NotEqual(glance.FileId, SourceFile.Glance(shorter).FileId);
        Assert.Matches("^[0-9a-f]{16}$", glance.FileId);
    }

    /// <summary>The real rows as plain text (2.3 MB: more than the two sampled MiB), and the same with one price digit changed in the unsampled middle.</summary>
    private static (string Original, string Changed) TwinFiles(TestLake lake)
    {
        var content = Rows.RealSampleText();
        Assert.True(content.Length > (2 << 20) + 10_000, "the sample must leave a middle unsampled");
        var changed = (byte[])content.Clone();
        var lineStart = Array.IndexOf(changed, (byte)'\n', (1 << 20) + 1_000) + 1;
        var lineEnd = Array.IndexOf(changed, (byte)'\n', lineStart);
        var priceDigit = Array.LastIndexOf(changed, (byte)'.', lineEnd, lineEnd - lineStart) + 1; // the price's first decimal
        changed[priceDigit] = changed[priceDigit] == (byte)'5' ? (byte)'6' : (byte)'5';
        Assert.True(lineEnd < content.Length - (1 << 20));

        var original = lake.Input("2019-Oct.csv");
        var twin = lake.Input("2019-Oct-corrected.csv");
        File.WriteAllBytes(original, content);
        File.WriteAllBytes(twin, changed);
        return (original, twin);
    }
}
