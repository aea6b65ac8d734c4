namespace EAmazing.Sources.Synthetic;

/// <summary>Progress of a generation run, reported once per simulated day.</summary>
public readonly record struct GenerationProgress(int DaysDone, int DayCount, long Events, long BytesWritten);
