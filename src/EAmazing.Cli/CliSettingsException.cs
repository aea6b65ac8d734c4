namespace EAmazing.Cli;

/// <summary>A setting (appsettings.json or an <c>EAMAZING__…</c> variable) has a value the CLI cannot use: a user
/// mistake, reported in one line naming the setting, with exit code 2.</summary>
public sealed class CliSettingsException(string message, Exception inner) : Exception(message, inner);
