using System.IO.Compression;
using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Rees46;

namespace EAmazing.Bench;

/// <summary>Generated REES46 input for benchmarks, cached under the data folder between runs.</summary>
public static class BenchData
{
    public static GenerationScale ScaleFor(long rows) =>
        rows <= 15_000 ? GenerationScale.Tiny : rows <= 1_900_000 ? GenerationScale.Demo : GenerationScale.Month;

    /// <summary>The scale's monthly files, generated once.</summary>
    public static IReadOnlyList<string> Generated(string dataDirectory, GenerationScale scale)
    {
        var folder = Path.Combine(dataDirectory, scale.ToString().ToLowerInvariant());
        var existing = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv.gz").Order(StringComparer.Ordinal).ToList() : [];
        if (existing.Count > 0)
        {
            return existing;
        }

        Console.WriteLine($"generating {scale} scale data into {folder} …");
        var summary = new DatasetGenerator(new GeneratorOptions { Scale = scale, OutputDirectory = folder }).Run();
        return summary.Files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>One gzip file with a header and the first <paramref name="rows"/> rows of the generated data.</summary>
    public static string FirstRows(string dataDirectory, long rows)
    {
        var path = Path.Combine(dataDirectory, $"rows-{rows}.csv.gz");
        if (File.Exists(path))
        {
            return path;
        }

        var sources = Generated(dataDirectory, ScaleFor(rows));
        var temporary = path + ".tmp";
        using (var output = new StreamWriter(new GZipStream(File.Create(temporary), CompressionLevel.Optimal)))
        {
            output.NewLine = "\n";
            output.WriteLine(Rees46Format.Header);
            var written = 0L;
            foreach (var source in sources)
            {
                using var input = Rees46FileReader.OpenText(source);
                input.ReadLine();
                while (written < rows && input.ReadLine() is { } line)
                {
                    output.WriteLine(line);
                    written++;
                }
            }

            if (written < rows)
            {
                Console.WriteLine($"note: the generated data holds only {written:N0} rows");
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
