namespace EAmazing.Models.Business;

/// <summary>A shaded interval of an <see cref="InsightChart"/> (e.g. a forecast's 80% band): lower and upper per x value, null where there is none.</summary>
public sealed record InsightBand(string Name, IReadOnlyList<double?> Lower, IReadOnlyList<double?> Upper);
