namespace EAmazing.Privacy;

/// <summary>The key of a run and how it was found.</summary>
public sealed record PseudonymKeyResolution(PseudonymKey Key, PseudonymKeySource Source, string? FilePath)
{
    public string Describe() => Source switch
    {
        PseudonymKeySource.Environment => $"pseudonym key {Key.KeyId} from environment variable {PseudonymKeyStore.EnvironmentVariable}",
        PseudonymKeySource.ConfiguredFile => $"pseudonym key {Key.KeyId} from configured file {FilePath}",
        PseudonymKeySource.DefaultFile => $"pseudonym key {Key.KeyId} from {FilePath}",
        _ => $"created a new pseudonym key {Key.KeyId} in {FilePath} (mode 600). Keep it safe and outside the lake: without it, new data will not join with old pseudonyms",
    };
}
