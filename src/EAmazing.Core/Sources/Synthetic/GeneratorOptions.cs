namespace EAmazing.Sources.Synthetic;

/// <summary>What to generate and where.</summary>
public sealed record GeneratorOptions
{
    public GenerationScale Scale { get; init; } = GenerationScale.Tiny;

    /// <summary>Months to generate; the scale's default window when null.</summary>
    public MonthWindow? Months { get; init; }

    public ulong Seed { get; init; } = 46;

    public required string OutputDirectory { get; init; }

    public bool Gzip { get; init; } = true;

    /// <summary>Hours simulated ahead of the writer; with the look-back, memory holds about half a day of events.</summary>
    public int Lookahead { get; init; } = Environment.ProcessorCount + 2;

    public MonthWindow Window => Months ?? ScaleProfile.DefaultWindow(Scale);
}
