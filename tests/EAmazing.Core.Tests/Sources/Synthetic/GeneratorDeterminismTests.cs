using EAmazing.Sources.Synthetic;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class GeneratorDeterminismTests
{
    [Fact]
    public void Same_Seed_And_Options_Give_Byte_Identical_Files_Including_Truth()
    {
        // Given two runs with the same seed and options, into different folders
        using var first = new TempFolder();
        using var second = new TempFolder();
        var window = Window("2019-11");

        // When both generate (with the multi-threaded day pipeline)
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Months = window, Seed = 7, OutputDirectory = first.Path }).Run();
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Months = window, Seed = 7, OutputDirectory = second.Path, Lookahead = 1 }).Run();

        // Then every file is the same, byte for byte
        var files = Directory.GetFiles(first.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Path, f)).Order().ToArray();
        Assert.Contains("2019-Nov.csv.gz", files);
        Assert.Contains(Path.Combine("truth", "sessions.csv.gz"), files);
        Assert.Equal(files, Directory.GetFiles(second.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Path, f)).Order());
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(first.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(file))), $"{file} differs");
        }
    }

    [Fact]
    public void A_Different_Seed_Gives_Different_Data()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Seed = 1, OutputDirectory = first.Path, Gzip = false }).Run();
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Seed = 2, OutputDirectory = second.Path, Gzip = false }).Run();

        Assert.NotEqual(File.ReadAllText(first.File("2019-Oct.csv")), File.ReadAllText(second.File("2019-Oct.csv")));
    }

    [Fact]
    public void No_Temporary_Files_Are_Left_Behind()
    {
        using var dir = new TempFolder();
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, OutputDirectory = dir.Path }).Run();

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*", SearchOption.AllDirectories));
    }

    private static MonthWindow Window(string text) => MonthWindow.TryParse(text, out var w, out var e) ? w! : throw new ArgumentException(e);
}
