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
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".config", "eamazing", "pseudonym.key");

    public static PseudonymKeyStore ForProcess(string? configuredFile) =>
        new(Environment.GetEnvironmentVariable, configuredFile, DefaultFilePath);

    /// <summary>The key file this store reads and creates: the configured one, else the default one.</summary>
    public string KeyFile => string.IsNullOrWhiteSpace(configuredFile) ? defaultFile : Path.GetFullPath(configuredFile);

    /// <summary>True when the key comes from <see cref="EnvironmentVariable"/> (which wins over any file).</summary>
    public bool KeyFromEnvironment => !string.IsNullOrWhiteSpace(environment(EnvironmentVariable));

    /// <summary>True when a key rotation is under way: its next key waits beside the key file.</summary>
    public bool RotationPending => !KeyFromEnvironment && File.Exists(Keys.KeyFile.PendingOf(KeyFile));

    /// <summary>The run's key, created in the default file on first use.</summary>
    /// <exception cref="PseudonymKeyException">The key exists but cannot be used, or a key rotation is unfinished.</exception>
    public PseudonymKeyResolution Resolve()
    {
        if (RotationPending)
        {
            // Data pseudonymised now would use a key the lake is leaving (or has left): finish the rotation first.
            throw new PseudonymKeyException($"a pseudonym key rotation is unfinished ({Keys.KeyFile.PendingOf(KeyFile)} exists); run `eamazing gdpr key rotate` to complete it");
        }

        if (Find() is { } found)
        {
            return found;
        }

        if (!string.IsNullOrWhiteSpace(configuredFile))
        {
            throw new PseudonymKeyException($"configured pseudonym key file {KeyFile} does not exist");
        }

        return new(Create(defaultFile), PseudonymKeySource.CreatedDefaultFile, defaultFile);
    }

    /// <summary>The key if there is one (environment, configured or default file); never creates one.</summary>
    /// <exception cref="PseudonymKeyException">The key exists but cannot be used.</exception>
    public PseudonymKeyResolution? Find()
    {
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new(Parse(fromEnvironment, $"environment variable {EnvironmentVariable}"), PseudonymKeySource.Environment, null);
        }

        var path = KeyFile;
        if (!File.Exists(path))
        {
            return null;
        }

        var source = string.IsNullOrWhiteSpace(configuredFile) ? PseudonymKeySource.DefaultFile : PseudonymKeySource.ConfiguredFile;
        return new(Parse(File.ReadAllText(path), path), source, path);
    }

    /// <summary>Creates the key file (<see cref="KeyFile"/>); refuses when it exists or would lie inside the lake.</summary>
    /// <exception cref="PseudonymKeyException">A key file exists, or the path is inside <paramref name="lakeRoot"/>.</exception>
    public PseudonymKey Initialise(string lakeRoot)
    {
        var path = KeyFile;
        if (Keys.KeyFile.IsInside(path, lakeRoot))
        {
            throw new PseudonymKeyException($"refusing to create the pseudonym key inside the lake ({path} is under {Path.GetFullPath(lakeRoot)}): whoever can read the lake could then re-identify it");
        }

        if (File.Exists(path))
        {
            throw new PseudonymKeyException($"a pseudonym key file already exists at {path}; it was kept (use `eamazing gdpr key rotate` to replace it)");
        }

        var key = PseudonymKey.Generate();
        Keys.KeyFile.Write(path, key);
        return key;
    }

    private static PseudonymKey Parse(string text, string origin) =>
        PseudonymKey.TryParseHex(text, out var key, out var problem)
            ? key!
            : throw new PseudonymKeyException($"{origin}: {problem}");

    /// <summary>The default key file on first use: written whole or not at all, and never over a key another process just made.</summary>
    private static PseudonymKey Create(string path)
    {
        var key = PseudonymKey.Generate();
        Keys.KeyFile.Write(path, key);
        return key;
    }
}
