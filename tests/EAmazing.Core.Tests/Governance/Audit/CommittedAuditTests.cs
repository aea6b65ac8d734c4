using EAmazing.Core.Tests.Support;
using EAmazing.Governance.Audit;
using EAmazing.Ingestion;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Governance.Audit;

/// <summary>
/// A change and its audit entry land together: the entry rides in the commit journal, is appended before the
/// commit is done, and a crash in between is rolled forward with it, once. A torn last line is set aside.
/// </summary>
public sealed class CommittedAuditTests
{
    private const string Actor = "os:tester";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_kill_between_the_commit_and_its_audit_append_is_recovered_with_the_entry_once(bool afterAppend)
    {
        using var lake = new TestLake();
        var path = lake.Input("input.csv");
        File.WriteAllLines(path, [Rows.Good, Rows.OtherGood]);
        var trail = AuditTrail.ForLake(lake.Root);

        Assert.Throws<SimulatedKill>(() => new LakeIngestor(new KilledAtAudit(lake.Engine, afterAppend), TestLake.Key, lake.Options, auditActor: Actor).IngestFile(path));
        Assert.True(File.Exists(lake.Engine.Layout.Journal));
        lake.Reopen();
        lake.Reopen();

        var entry = Assert.Single(trail.Read());
        Assert.Equal(("ingest", Actor), (entry.Action, entry.Actor));
        Assert.Equal("file " + lake.Engine.IngestedFiles().Single().FileId, entry.Target);
        Assert.True(trail.Verify().Intact);
        Assert.False(File.Exists(lake.Engine.Layout.Journal));
    }

    [Fact]
    public void A_torn_last_line_is_reported_by_verify_and_set_aside_by_the_next_commit()
    {
        using var lake = new TestLake();
        var trail = AuditTrail.ForLake(lake.Root);
        trail.Append(new AuditEvent(Actor, "sql", "silver", "query"));
        File.AppendAllText(trail.Path, """{"sequence":2,"time":"2026-12-03T""");

        var verified = trail.Verify();
        var outcome = Ingest(lake);

        Assert.False(verified.Intact);
        Assert.Contains("line 2 is torn", verified.Problem, StringComparison.Ordinal);
        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Equal(["sql", "ingest"], trail.Read().Select(e => e.Action));
        Assert.True(trail.Verify().Intact);
        Assert.Contains("\"sequence\":2", File.ReadAllText(trail.TornPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_line_that_is_no_entry_refuses_the_commit_and_its_entry_follows_once_repaired()
    {
        using var lake = new TestLake();
        var trail = AuditTrail.ForLake(lake.Root);
        trail.Append(new AuditEvent(Actor, "sql", "silver", "query"));
        var good = File.ReadAllText(trail.Path);
        File.AppendAllText(trail.Path, "edited by hand\n");

        var refused = Assert.Throws<InvalidDataException>(() => Ingest(lake));
        lake.Reopen(); // the lake still opens; the change waits in its journal
        File.WriteAllText(trail.Path, good);
        lake.Reopen();

        Assert.Contains("not an audit entry", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["sql", "ingest"], trail.Read().Select(e => e.Action));
        Assert.Equal(2, lake.Count("SELECT count(*) FROM bronze"));
    }

    private static IngestOutcome Ingest(TestLake lake)
    {
        var path = lake.Input("input.csv");
        File.WriteAllLines(path, [Rows.Good, Rows.OtherGood]);
        return new LakeIngestor(lake.Engine, TestLake.Key, lake.Options, auditActor: Actor).IngestFile(path);
    }

    private sealed class SimulatedKill : Exception;

    /// <summary>The real lake, stopping at the audit append (before or after it) the way a killed process would.</summary>
    private sealed class KilledAtAudit(ILakeEngine inner, bool afterAppend) : ILakeEngine
    {
        public LakeLayout Layout => inner.Layout;

        public IReadOnlyList<IngestedFile> IngestedFiles() => inner.IngestedFiles();

        public IReadOnlyList<LakePartition> Partitions() => inner.Partitions();

        public void ApplyCatalog(LakeCommit commit) => inner.ApplyCatalog(commit);

        public void AppendAudit(string commitId, IReadOnlyList<CommitAuditEntry> entries)
        {
            if (afterAppend)
            {
                inner.AppendAudit(commitId, entries);
            }

            throw new SimulatedKill();
        }

        public void RefreshViews() => inner.RefreshViews();

        public QueryResult Query(string sql) => inner.Query(sql);

        public IStagingArea CreateStaging(string fileId, StagingOptions options) => inner.CreateStaging(fileId, options);

        public long BuildSilver(IReadOnlyList<string> bronzeFiles, UserBucket bucket, string target, TimeSpan sessionGap) => inner.BuildSilver(bronzeFiles, bucket, target, sessionGap);

        public long CountParquetRows(string path) => inner.CountParquetRows(path);

        public void Dispose()
        {
        }
    }
}
