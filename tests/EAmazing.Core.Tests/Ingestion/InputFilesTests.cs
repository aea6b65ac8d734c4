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
}
