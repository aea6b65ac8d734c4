using System.Text.Json;
using EAmazing.Core.Tests.Support;
using EAmazing.Governance.Audit;

namespace EAmazing.Core.Tests.Governance.Audit;

/// <summary>The hash chain: verify passes on an untouched trail and names the entry an edit, a removal or a reordering breaks.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private AuditTrail Trail => new(_folder.File("audit.jsonl"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_untouched_trail_verifies()
    {
        WriteEntries(6);

        var result = Trail.Verify();

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(6, result.Entries);
    }

    [Fact]
    public void An_edited_line_is_named()
    {
        WriteEntries(6);
        var lines = File.ReadAllLines(Trail.Path);
        lines[2] = lines[2].Replace("rows 3", "rows 0", StringComparison.Ordinal);
        File.WriteAllLines(Trail.Path, lines);

        var result = Trail.Verify();

        Assert.False(result.Intact);
        Assert.Equal(3, result.Sequence);
        Assert.Equal(3, result.Line);
        Assert.Contains("entry 3 (line 3) was edited", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_line_is_named()
    {
        WriteEntries(6);
        var lines = File.ReadAllLines(Trail.Path).ToList();
        lines.RemoveAt(3);
        File.WriteAllLines(Trail.Path, lines);

        var result = Trail.Verify();

        Assert.False(result.Intact);
        Assert.Equal(5, result.Sequence);
        Assert.Equal(4, result.Line);
        Assert.Contains("entry 5 (line 4) breaks the chain: entries 4..4 are missing before it", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reordered_pair_is_named()
    {
        WriteEntries(6);
        var lines = File.ReadAllLines(Trail.Path);
        (lines[1], lines[2]) = (lines[2], lines[1]);
        File.WriteAllLines(Trail.Path, lines);

        var result = Trail.Verify();

        Assert.False(result.Intact);
        Assert.Equal(3, result.Sequence);
        Assert.Equal(2, result.Line);
        Assert.Contains("entry 3 (line 2) breaks the chain: it is out of order: entry 2 should come before it but is at line 3", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_last_line_still_verifies_but_the_next_append_continues_from_what_is_there()
    {
        // Documented limit: truncating the tail is only visible against an outside copy of the last hash.
        WriteEntries(3);
        var lines = File.ReadAllLines(Trail.Path);
        File.WriteAllLines(Trail.Path, lines[..2]);

        var appended = Trail.Append(new AuditEvent("os:test", "check"));

        Assert.Equal(3, appended.Sequence);
        Assert.True(Trail.Verify().Intact);
    }

    [Fact]
    public void Many_writers_appending_at_once_keep_one_unbroken_chain()
    {
        // Separate trail objects share nothing in memory: only the lock file orders them, as between processes.
        const int writers = 8, each = 40;
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            var trail = new AuditTrail(_folder.File("audit.jsonl"));
            for (var i = 0; i < each; i++)
            {
                trail.Append(new AuditEvent($"os:writer{w}", "append", Detail: $"entry {i}"));
            }
        });
        using (var buffered = new BufferedAuditTrail(new AuditTrail(_folder.File("audit.jsonl"))))
        {
            Parallel.For(0, 4, _ =>
            {
                for (var i = 0; i < 100; i++)
                {
                    buffered.Append(new AuditEvent("api-key:test", "predict"));
                }
            });
            Assert.True(buffered.Flush());
        }

        var result = Trail.Verify();
        var records = Trail.Read();

        Assert.True(result.Intact, result.Problem);
        Assert.Equal((writers * each) + 400, result.Entries);
        Assert.Equal(Enumerable.Range(1, (writers * each) + 400).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.All(Enumerable.Range(0, writers), w => Assert.Equal(each, records.Count(r => r.Actor == $"os:writer{w}")));
    }

    [Fact]
    public void Entries_round_trip_as_snake_case_json_with_the_previous_hash()
    {
        WriteEntries(2);
        var lines = File.ReadAllLines(Trail.Path);
        using var second = JsonDocument.Parse(lines[1]);
        var first = Trail.Read()[0];

        Assert.Equal(first.Hash, second.RootElement.GetProperty("previous").GetString());
        Assert.Equal(AuditTrail.Genesis, Trail.Read()[0].Previous);
    }

    private void WriteEntries(int count)
    {
        var trail = Trail;
        for (var i = 1; i <= count; i++)
        {
            trail.Append(new AuditEvent("os:test", "ingest", $"file {i:x16}", $"rows {i}"));
        }
    }
}
