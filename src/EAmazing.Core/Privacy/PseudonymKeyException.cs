namespace EAmazing.Privacy;

/// <summary>The pseudonym key is missing or unusable. Messages name where it was looked for, never its value.</summary>
public sealed class PseudonymKeyException(string message) : Exception(message);
