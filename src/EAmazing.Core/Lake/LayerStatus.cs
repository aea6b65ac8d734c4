namespace EAmazing.Lake;

/// <summary>One layer of the lake in figures.</summary>
public sealed record LayerStatus(string Layer, int Partitions, int Files, long Rows, long Bytes);
