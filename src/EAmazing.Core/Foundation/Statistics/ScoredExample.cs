namespace EAmazing.Foundation.Statistics;

/// <summary>A model's probability for one example, and what really happened.</summary>
public readonly record struct ScoredExample(float Probability, bool Label);
