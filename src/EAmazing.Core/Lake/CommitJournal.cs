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
        AtomicFile.Write(journal, stream => JsonSerializer.Serialize(stream, commit, Json), temporaryPath: journal + LakeLayout.TemporarySuffix);
        Apply(lake, commit);
    }

    /// <summary>Run on every open: finish a committed change, forget an uncommitted one.</summary>
    public static void Recover(ILakeEngine lake)
    {
        var layout = lake.Layout;
        if (File.Exists(layout.Journal))
        {
            LakeCommit? commit;
            using (var stream = File.OpenRead(layout.Journal))
            {
                commit = JsonSerializer.Deserialize<LakeCommit>(stream, Json);
            }

            Apply(lake, commit ?? throw new InvalidDataException($"{layout.Journal} is empty"));
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
        File.Delete(layout.Journal);
        lake.RefreshViews();
    }
}
