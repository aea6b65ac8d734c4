namespace EAmazing.Governance.Keys;

/// <summary>A rotation that cannot start or go on; the message says why and what to do. Never names a key or a raw id.</summary>
/// <param name="IsDataError">The lake or its source files are the problem (exit 3), not the command or its setup.</param>
public sealed class KeyRotationRefusedException(string message, bool isDataError) : Exception(message)
{
    public bool IsDataError { get; } = isDataError;
}
