using EAmazing.Core.Tests.Governance.Keys;
using EAmazing.Core.Tests.Support;
using EAmazing.Governance.Audit;
using EAmazing.Governance.Erasure;
using EAmazing.Governance.Keys;
using EAmazing.Governance.Retention;

namespace EAmazing.Core.Tests.Governance.Audit;

/// <summary>
/// Erasure, retention and key rotation carry their audit entries in their commit journal, as ingest does: a
/// change that is committed has its entry, even when the process dies (or the trail refuses) right after.
/// </summary>
public sealed class GovernanceAuditInCommitTests
{
    private const string Actor = "os:tester";

    [Fact]
    public void An_erasure_whose_entry_the_trail_refuses_waits_in_its_journal_and_its_entry_follows_once_repaired()
    {
        using var lake = new TestLake();
        lake.IngestLines("input.csv", [Rows.Good, Rows.OtherGood]);
        var repaired = DamageTheTrail(lake);

        Assert.Throws<InvalidDataException>(() => new LakeEraser(lake.Engine, TestLake.Key, null, auditActor: Actor).Erase([541_312_140]));
        lake.Reopen();
        Assert.Equal(1, lake.Count("SELECT count(*) FROM bronze")); // the erasure is committed...
        Assert.True(File.Exists(lake.Engine.Layout.Journal)); // ...and its entry still due
        repaired();
        lake.Reopen();

        var trail = AuditTrail.ForLake(lake.Root);
        Assert.Equal(["sql", LakeEraser.AuditAction], trail.Read().Select(e => e.Action));
        Assert.Contains("rows removed", trail.Read()[^1].Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(lake.Engine.Layout.Journal));
    }

    [Fact]
    public void A_retention_whose_entry_the_trail_refuses_waits_in_its_journal_and_its_entry_follows_once_repaired()
    {
        using var lake = new TestLake();
        lake.IngestLines("input.csv", [Rows.Good, Rows.Good.Replace("2019-10-01", "2019-11-01", StringComparison.Ordinal)]);
        var plan = new LakeRetention(lake.Engine).Plan("2019-11", 1);
        var repaired = DamageTheTrail(lake);

        Assert.Throws<InvalidDataException>(() => new LakeRetention(lake.Engine).Apply(plan, new DateTime(2019, 12, 1, 0, 0, 0, DateTimeKind.Utc), Actor));
        lake.Reopen();
        Assert.Equal(1, lake.Count("SELECT count(*) FROM bronze"));
        repaired();
        lake.Reopen();

        Assert.Equal(["sql", LakeRetention.AuditAction], AuditTrail.ForLake(lake.Root).Read().Select(e => e.Action));
        Assert.False(File.Exists(lake.Engine.Layout.Journal));
    }

    [Fact]
    public void A_rotation_killed_right_after_its_lake_commit_has_its_entry_already()
    {
        using var lake = new RotationLake([Rows.RealSample], gold: false);
        lake.Lake.Engine.Dispose();

        Assert.Throws<SimulatedKill>(() => lake.Rotation(p =>
        {
            if (p == "lake-committed")
            {
                throw new SimulatedKill();
            }
        }).Run());

        var entry = Assert.Single(AuditTrail.ForLake(lake.Lake.Root).Read(), e => e.Action == KeyRotation.AuditAction);
        Assert.Contains(RotationLake.NextKey.KeyId, entry.Detail, StringComparison.Ordinal);
    }

    private sealed class SimulatedKill : Exception;

    /// <summary>Leaves a trail whose last line is no entry (appends refused); returns the repair.</summary>
    private static Action DamageTheTrail(TestLake lake)
    {
        var trail = AuditTrail.ForLake(lake.Root);
        trail.Append(new AuditEvent(Actor, "sql", "silver", "query"));
        var good = File.ReadAllText(trail.Path);
        File.AppendAllText(trail.Path, "edited by hand\n");
        return () => File.WriteAllText(trail.Path, good);
    }
}
