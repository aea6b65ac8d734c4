namespace EAmazing.Privacy;

/// <summary>Where the pseudonym key of a run came from, for a clear message (never the key itself).</summary>
public enum PseudonymKeySource
{
    Environment,
    ConfiguredFile,
    DefaultFile,
    CreatedDefaultFile,
}
