using EAmazing.Sources.Synthetic;

namespace EAmazing.Core.Tests.Support;

/// <summary>
/// Tiny generated REES46 files (about 20k events over Oct and Nov 2019). The generator is deterministic, so the
/// files are generated once into a fixed temp folder (written aside and renamed) and reused by later runs.
/// </summary>
public static class TinyWorld
{
    private static readonly Lazy<IReadOnlyList<string>> Generated = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "eamazing-tests");
        var folder = Path.Combine(root, "tiny-world-oct-nov-seed46");
        if (!Directory.Exists(folder))
        {
            var aside = Path.Combine(root, "tiny-world-" + Guid.NewGuid().ToString("N"));
            new DatasetGenerator(new GeneratorOptions
            {
                Scale = GenerationScale.Tiny,
                Months = new MonthWindow(MonthWindow.DatasetStart, 2),
                OutputDirectory = aside,
            }).Run();
            try
            {
                Directory.Move(aside, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                Directory.Delete(aside, recursive: true); // another test process got there first
            }
        }

        return Directory.GetFiles(folder, "*.csv.gz")
            .OrderBy(f => DateTime.ParseExact(Path.GetFileName(f)[..8], "yyyy-MMM", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    });

    /// <summary>2019-Oct.csv.gz and 2019-Nov.csv.gz.</summary>
    public static IReadOnlyList<string> Files => Generated.Value;
}
