namespace EAmazing.Features.Leakage;

/// <summary>A feature value that changed (or a row that vanished) when events after the row's as-of time were removed.</summary>
public sealed record InvarianceViolation(string Row, string Column, string? Built, string? Recomputed);
