using System.Security.Cryptography;
using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>
/// The file's identity is that of the bytes read: a file that changes during its ingest fails and is read
/// again later; gzip files are read whole (several members) and their damage named (cut, trailing garbage).
/// </summary>
public sealed class ChangingFileTests
{
    [Fact]
    public void A_file_truncated_during_its_ingest_fails_and_ingesting_it_again_gives_the_complete_result()
    {
        using var lake = new TestLake(new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), BatchSize = 1_000 });
        var path = lake.Input("2019-Oct.csv");
        var content = Rows.RealSampleText(); // plain text above 1 MiB: the reader has not buffered it whole
        File.WriteAllBytes(path, content);
        var truncated = false;
        var ingestor = new LakeIngestor(lake.Engine, TestLake.Key, lake.Options);

        var during = ingestor.IngestFile(path, progress: new OnReport(p =>
        {
            if (p.Phase == "reading" && !truncated)
            {
                truncated = true;
                using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                writer.SetLength(content.Length / 2);
            }
        }));

        Assert.True(truncated);
        Assert.Equal(IngestStatus.Failed, during.File.Status);
        Assert.True(during.IsDataError);
        Assert.Contains("changed while it was read", during.File.Problem, StringComparison.Ordinal);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM bronze"));

        File.WriteAllBytes(path, content);
        var again = lake.Ingest(path);

        Assert.Equal(IngestAction.Ingested, again.Action);
        Assert.Equal(IngestStatus.Complete, again.File.Status);
        Assert.Equal(new RowAccounting(17_434, 17_429, 5, 0), again.File.Rows);
        Assert.Equal(17_434, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), again.File.Sha256);
        Assert.Single(lake.Engine.IngestedFiles());
    }

    [Fact]
    public void Two_concatenated_gzip_members_are_read_whole_and_complete()
    {
        using var lake = new TestLake();
        var path = lake.Input("two-members.csv.gz");
        var member = File.ReadAllBytes(Rows.RealSample);
        File.WriteAllBytes(path, [.. member, .. member]);

        var outcome = lake.Ingest(path);

        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Null(outcome.File.Problem);
        Assert.Equal(2 * 17_434 + 1, outcome.File.Rows.Read); // the second member's header line is a (quarantined) row
        Assert.Equal(1, outcome.File.Rows.Quarantined);
        Assert.True(outcome.File.Rows.IsBalanced);
    }

    [Fact]
    public void Trailing_garbage_after_the_gzip_data_is_reported_as_such_and_every_row_kept()
    {
        using var lake = new TestLake();
        var path = lake.Input("garbage.csv.gz");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(Rows.RealSample), .. "not gzip at all, a stray tail"u8.ToArray()]);

        var outcome = lake.Ingest(path);

        Assert.Equal(IngestStatus.Incomplete, outcome.File.Status);
        Assert.Contains("trailing garbage", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(17_434, outcome.File.Rows.Read);
    }

    [Fact]
    public void The_hash_recorded_is_that_of_the_bytes_read()
    {
        using var lake = new TestLake();

        var outcome = lake.Ingest(Rows.RealSample);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Rows.RealSample))), outcome.File.Sha256);
    }

    /// <summary>Runs on the reporting thread, at the moment of the report (Progress&lt;T&gt; would post it later).</summary>
    private sealed class OnReport(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
