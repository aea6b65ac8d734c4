namespace EAmazing.Models.Business;

/// <summary>The server's bounds a request is validated against (from the serving settings).</summary>
/// <param name="MaxEvents">Most events one request may carry.</param>
public sealed record OnlineLimits(int MaxEvents);
