namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>One candidate next item and its true probability.</summary>
public readonly record struct NextItemProbability(long ProductId, double Probability);
