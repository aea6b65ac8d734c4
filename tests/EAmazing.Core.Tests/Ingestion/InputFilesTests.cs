using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;

namespace EAmazing.Core.Tests.Ingestion;

public sealed class InputFilesTests
{
    [Fact]
    public void A_folder_expands_to_its_csv_and_csv_gz_files_in_name_order_and_missing_paths_are_reported()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "2019-Nov.csv.gz", "2019-Oct.csv", "notes.txt", "2019-Dec.CSV.GZ" })
        {
            File.WriteAllText(folder.File(name), "");
        }

        var files = InputFiles.Expand([folder.Path, folder.File("notes.txt"), folder.File("missing.csv")], out var missing);

        Assert.Equal(["2019-Dec.CSV.GZ", "2019-Nov.csv.gz", "2019-Oct.csv", "notes.txt"], files.Select(Path.GetFileName));
        Assert.Equal([folder.File("missing.csv")], missing);
    }

    [Fact]
    public void A_symlink_loop_is_reported_on_its_own_and_the_other_files_are_kept_links_resolved_once()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("2019-Oct.csv"), "");
        File.CreateSymbolicLink(folder.File("loop-a.csv"), folder.File("loop-b.csv"));
        File.CreateSymbolicLink(folder.File("loop-b.csv"), folder.File("loop-a.csv"));
        File.CreateSymbolicLink(folder.File("same-as-oct.csv"), folder.File("2019-Oct.csv"));

        var files = InputFiles.Expand([folder.Path], out var missing, out var unreadable);

        Assert.Equal([folder.File("2019-Oct.csv")], files);
        Assert.Empty(missing);
        Assert.Equal(2, unreadable.Count);
        Assert.Contains(unreadable, u => u.StartsWith(folder.File("loop-a.csv"), StringComparison.Ordinal) && u.Contains("cannot be followed", StringComparison.Ordinal));
    }
}
