namespace EAmazing.Cli;

/// <summary>Process exit codes, stable so scripts can rely on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;
    public const int DataError = 3;
}
