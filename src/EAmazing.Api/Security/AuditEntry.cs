namespace EAmazing.Api.Security;

/// <summary>One audited call: who (API key id), did what, to whom (a pseudonym, never a raw id), when, with what outcome.</summary>
public sealed record AuditEntry(DateTime Time, string Actor, string Action, string? Target, int Status);
