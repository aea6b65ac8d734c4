namespace EAmazing.Privacy;

/// <summary>
/// Finds the pseudonym key: environment variable <see cref="EnvironmentVariable"/> first, then the
/// configured key file (<c>EAmazing:PseudonymKeyFile</c>), else a key file in the user's config folder,
/// created on first use with owner-only permissions. The key lives outside the lake by design.
/// </summary>
public sealed class PseudonymKeyStore(Func<string, string?> environment, string? configuredFile, string defaultFile)
{
    public const string EnvironmentVariable = "EAMAZING_PSEUDONYM_KEY";

    public static string DefaultFilePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "eamazing", "pseudonym.key");

    public static PseudonymKeyStore ForProcess(string? configuredFile) =>
        new(Environment.GetEnvironmentVariable, configuredFile, DefaultFilePath);

    /// <exception cref="PseudonymKeyException">The key exists but cannot be used.</exception>
    public PseudonymKeyResolution Resolve()
    {
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new(Parse(fromEnvironment, $"environment variable {EnvironmentVariable}"), PseudonymKeySource.Environment, null);
        }

        if (!string.IsNullOrWhiteSpace(configuredFile))
        {
            var path = Path.GetFullPath(configuredFile);
            if (!File.Exists(path))
            {
                throw new PseudonymKeyException($"configured pseudonym key file {path} does not exist");
            }

            return new(Parse(File.ReadAllText(path), path), PseudonymKeySource.ConfiguredFile, path);
        }

        if (File.Exists(defaultFile))
        {
            return new(Parse(File.ReadAllText(defaultFile), defaultFile), PseudonymKeySource.DefaultFile, defaultFile);
        }

        return new(Create(defaultFile), PseudonymKeySource.CreatedDefaultFile, defaultFile);
    }

    private static PseudonymKey Parse(string text, string origin) =>
        PseudonymKey.TryParseHex(text, out var key, out var problem)
            ? key!
            : throw new PseudonymKeyException($"{origin}: {problem}");

    private static PseudonymKey Create(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(folder);
        }

        var key = PseudonymKey.Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.WriteLine(key.ToHex());
        }

        return key;
    }
}
