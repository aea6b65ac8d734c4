using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

/// <summary>A crash before the commit point leaves the previous lake; a crash after it is rolled forward on the next open.</summary>
public sealed class CommitJournalTests
{
    [Fact]
    public void A_crash_after_the_commit_point_is_rolled_forward_when_the_lake_is_next_opened()
    {
        using var lake = new TestLake();
        var path = lake.Input("input.csv");
        File.WriteAllLines(path, [Rows.Good, Rows.OtherGood]);

        var crash = Assert.Throws<SimulatedCrash>(() =>
            new LakeIngestor(new CrashingLake(lake.Engine, crashInCatalog: true), TestLake.Key, lake.Options).IngestFile(path));
        Assert.NotNull(crash);
        Assert.True(File.Exists(lake.Engine.Layout.Journal));
        lake.Reopen();

        Assert.False(File.Exists(lake.Engine.Layout.Journal));
        Assert.Empty(LakeConsistency.Check(lake.Engine));
        Assert.Equal(2, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(IngestAction.AlreadyIngested, lake.Ingest(path).Action);
    }

    [Fact]
    public void A_crash_before_the_commit_point_leaves_the_previous_lake_and_no_temporary_files()
    {
        using var lake = new TestLake();
        lake.IngestLines("first.csv", [Rows.Good]);
        var path = lake.Input("second.csv");
        File.WriteAllLines(path, [Rows.OtherGood]);

        Assert.Throws<SimulatedCrash>(() =>
            new LakeIngestor(new CrashingLake(lake.Engine, crashInCatalog: false), TestLake.Key, lake.Options).IngestFile(path));
        Assert.NotEmpty(lake.Engine.Layout.TemporaryFilesOnDisk());
        lake.Reopen();

        Assert.Empty(lake.Engine.Layout.TemporaryFilesOnDisk());
        Assert.Empty(LakeConsistency.Check(lake.Engine));
        Assert.Equal(1, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(IngestAction.Ingested, lake.Ingest(path).Action);
        Assert.Equal(2, lake.Count("SELECT count(*) FROM bronze"));
    }

    private sealed class SimulatedCrash : Exception;

    /// <summary>The real lake, failing at one chosen step the way a killed process would stop there.</summary>
    private sealed class CrashingLake(ILakeEngine inner, bool crashInCatalog) : ILakeEngine
    {
        public LakeLayout Layout => inner.Layout;

        public IReadOnlyList<IngestedFile> IngestedFiles() => inner.IngestedFiles();

        public IReadOnlyList<LakePartition> Partitions() => inner.Partitions();

        public void ApplyCatalog(LakeCommit commit) => throw (crashInCatalog ? new SimulatedCrash() : new InvalidOperationException("not reached"));

        public void RefreshViews() => inner.RefreshViews();

        public void AppendAudit(string commitId, IReadOnlyList<CommitAuditEntry> entries) => inner.AppendAudit(commitId, entries);

        public QueryResult Query(string sql) => inner.Query(sql);

        public IStagingArea CreateStaging(string fileId, StagingOptions options) => inner.CreateStaging(fileId, options);

        public long BuildSilver(IReadOnlyList<string> bronzeFiles, UserBucket bucket, string target, TimeSpan sessionGap)
        {
            var rows = inner.BuildSilver(bronzeFiles, bucket, target, sessionGap);
            return crashInCatalog ? rows : throw new SimulatedCrash();
        }

        public long CountParquetRows(string path) => inner.CountParquetRows(path);

        public void Dispose()
        {
        }
    }
}
