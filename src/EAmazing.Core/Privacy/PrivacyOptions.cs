namespace EAmazing.Privacy;

/// <summary>Governance settings, bound from the <c>EAmazing:Privacy</c> configuration section.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "EAmazing:Privacy";

    /// <summary>Whole months of event data kept, the reference month included (<c>gdpr retention apply</c>).</summary>
    public int RetentionMonths { get; set; } = 24;

    /// <summary>k of k-anonymity: business reports never show a group of fewer people than this.</summary>
    public int MinGroupSize { get; set; } = 10;

    /// <summary>
    /// Memory the engine may use in erasure, retention and key rotation before it spills into the lake's scratch folder.
    /// They rewrite whole layers: at 2 GB a four-month rotation spilled ~20 GB while joining a month of bronze to 51M sessions.
    /// </summary>
    public string EngineMemoryLimit { get; set; } = "6GB";
}
