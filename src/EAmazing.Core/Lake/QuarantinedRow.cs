namespace EAmazing.Lake;

/// <summary>
/// A rejected row: where it was, why, and what it held. <see cref="UserId"/> and <see cref="UserSession"/>
/// are pseudonyms when the raw value parsed, null otherwise: a raw identifier is never kept.
/// </summary>
public sealed record QuarantinedRow(
    long SourceLine,
    QuarantineReason Reason,
    string Message,
    int ColumnCount,
    string? EventTime,
    string? EventType,
    string? ProductId,
    string? CategoryId,
    string? CategoryCode,
    string? Brand,
    string? Price,
    string? UserId,
    string? UserSession);
