namespace EAmazing.Models.Business;

/// <summary>One link of a flow chart: <see cref="Value"/> people moved from <see cref="From"/> to <see cref="To"/> (the two names differ: e.g. prefixed by their dates).</summary>
public sealed record InsightFlow(string From, string To, double Value);
