using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>What the champion said about one request: its card, the score, the decision at the card's threshold, and the features it had to treat as missing.</summary>
public sealed record OnlineScore(ModelCard Card, double Probability, bool Decision, IReadOnlyList<string> MissingFeatures);
