namespace EAmazing.Models.Business;

/// <summary>One titled block of a model's page: a note, a table (groups under k already suppressed) and optionally a chart of it.</summary>
public sealed record InsightSection(string Title, string Note, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, InsightChart? Chart = null);
