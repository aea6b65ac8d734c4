namespace EAmazing.Privacy.SmallGroups;

/// <summary>A report after small-group suppression: formatted cells, and how many groups were below k.</summary>
public sealed record SuppressedTable(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, int SuppressedGroups, int MinGroupSize);
