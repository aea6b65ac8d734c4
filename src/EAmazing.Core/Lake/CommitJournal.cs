using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Foundation.Files;

namespace EAmazing.Lake;

/// <summary>
/// Makes a commit atomic across files and the catalog. Partitions are first written under temporary
/// names; the journal (the commit's full description) is then written and renamed into place: that
/// rename is the commit point. Applying it deletes retired files, renames the new ones into place and
/// records everything in the catalog in one transaction, then removes the journal. A crash before the
/// commit point leaves only temporary files, which recovery deletes (the previous lake); a crash after
/// it is rolled forward by recovery (the complete new lake). Every step is idempotent.
/// </summary>
public static class CommitJournal
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static void Commit(ILakeEngine lake, LakeCommit commit)
    {
        var journal = lake.Layout.Journal;
        if (File.Exists(journal))
        {
            // A change left in its journal (its audit entry refused when the lake was opened) is finished first;
            // while the trail still refuses, this throws and nothing new is written over the earlier change's entry.
            Apply(lake, Read(journal));
        }

        if (commit.Audit is { Count: > 0 } && commit.Id is null)
        {
            commit = commit with { Id = Guid.NewGuid().ToString("N")[..16] };
        }

        // Each file's content hash is taken before the commit point, from the bytes about to be renamed into place.
        commit = commit with { Partitions = [.. commit.Partitions.Select(p => p with { Sha256 = PartitionHash.Of(File.Exists(lake.Layout.Temporary(p.Path)) ? lake.Layout.Temporary(p.Path) : lake.Layout.Full(p.Path)) })] };
        AtomicFile.Write(journal, stream => JsonSerializer.Serialize(stream, commit, Json), temporaryPath: journal + LakeLayout.TemporarySuffix);
        Apply(lake, commit);
    }

    /// <summary>Run on every open: finish a committed change, forget an uncommitted one.</summary>
    public static void Recover(ILakeEngine lake)
    {
        var layout = lake.Layout;
        if (File.Exists(layout.Journal))
        {
            var commit = Read(layout.Journal);
            try
            {
                Apply(lake, commit);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException && commit.Audit is { Count: > 0 })
            {
                // The change is applied but the audit trail refuses its entry (damaged, not just torn): the journal is
                // kept so the entry is appended once the trail is repaired, and the lake still opens (to read, to verify).
            }
        }

        File.Delete(layout.Journal + LakeLayout.TemporarySuffix);
        foreach (var orphan in layout.TemporaryFilesOnDisk().ToList())
        {
            File.Delete(orphan);
        }

        if (Directory.Exists(layout.Staging))
        {
            Directory.Delete(layout.Staging, recursive: true);
        }

        Directory.CreateDirectory(layout.Staging);
    }

    private static LakeCommit Read(string journal)
    {
        using var stream = File.OpenRead(journal);
        return JsonSerializer.Deserialize<LakeCommit>(stream, Json) ?? throw new InvalidDataException($"{journal} is empty");
    }

    private static void Apply(ILakeEngine lake, LakeCommit commit)
    {
        var layout = lake.Layout;
        var written = commit.Partitions.Select(p => p.Path).ToHashSet();
        foreach (var retired in commit.Deletes.Where(d => !written.Contains(d)))
        {
            File.Delete(layout.Full(retired));
        }

        foreach (var partition in commit.Partitions)
        {
            var temporary = layout.Temporary(partition.Path);
            if (File.Exists(temporary))
            {
                File.Move(temporary, layout.Full(partition.Path), overwrite: true);
            }
            else if (!File.Exists(layout.Full(partition.Path)))
            {
                throw new InvalidDataException($"commit journal names {partition.Path}, but neither it nor its temporary file exists");
            }
        }

        lake.ApplyCatalog(commit);
        if (commit.Audit is { Count: > 0 } audit)
        {
            lake.AppendAudit(commit.Id ?? throw new InvalidDataException("a commit with audit entries has no id"), audit);
        }

        // Before the journal goes: a crash in between replays the commit and advances the mark again (harmless).
        LakeCommitMark.Advance(lake);
        File.Delete(layout.Journal);
        lake.RefreshViews();
    }
}
