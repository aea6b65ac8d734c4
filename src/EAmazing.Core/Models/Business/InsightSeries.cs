namespace EAmazing.Models.Business;

/// <summary>One named series of an <see cref="InsightChart"/>; a null value is a group under k, drawn as a gap.</summary>
public sealed record InsightSeries(string Name, IReadOnlyList<double?> Values);
