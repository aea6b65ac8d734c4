namespace EAmazing.Sources.Synthetic;

/// <summary>The outcome of a generation run.</summary>
public sealed record GenerationSummary(
    string OutputDirectory,
    IReadOnlyList<GeneratedFile> Files,
    long Views,
    long Carts,
    long Purchases,
    long Sessions,
    long CartSessions,
    int Users,
    int Products,
    TimeSpan Elapsed)
{
    public long Events => Views + Carts + Purchases;

    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public string TruthDirectory => Path.Combine(OutputDirectory, "truth");
}

/// <summary>One monthly file written.</summary>
public sealed record GeneratedFile(string Path, long Events, long Bytes);
