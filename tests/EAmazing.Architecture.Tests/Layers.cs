namespace EAmazing.Architecture.Tests;

/// <summary>
/// The allowed direction of dependencies between the platform's folders: each folder may name types only
/// of folders in earlier ranks. Data moves left to right through the stages, and each stage reads what
/// the earlier ones wrote; nothing reaches back. Business models are siblings: none names another, and
/// only the catalog (<c>BusinessModels</c>) names them. Engines are adapters: they implement the lake's
/// interfaces, and no stage names them (only the shells, which pick one).
/// </summary>
public static class Layers
{
    public static readonly IReadOnlyList<string[]> Ranks =
    [
        ["Foundation"],       // randomness, statistics, atomic files, embedded SQL, settings
        ["Sources"],          // the REES46 format and the synthetic world
        ["Lake"],             // layout, layers, journal, commit, the engine interfaces and the rows they speak
        ["Privacy"],          // keys, pseudonymiser, purposes, small-group suppression
        ["Ingestion"],        // files → bronze, silver, quarantine
        ["Features"],         // silver → gold
        ["Models"],           // lab, families, evaluation, registry, model reports
        ["BusinessModels/*"], // one folder per business model, on the seam in Models/Business
        ["BusinessModels"],   // the catalog of business models
        ["Monitoring"],       // predictions log, drift
        ["Reporting"],        // business reports
        ["Governance"],       // erasure, key rotation, retention, register, access export, audit
        ["Engine/*"],         // DuckDB today; a distributed engine later, as a sibling
        ["Api"],              // shells
        ["Cli"],
    ];

    public static int Rank(string folder)
    {
        for (var i = 0; i < Ranks.Count; i++)
        {
            foreach (var pattern in Ranks[i])
            {
                if (pattern == folder || (pattern.EndsWith("/*", StringComparison.Ordinal) && folder.StartsWith(pattern[..^1], StringComparison.Ordinal)))
                {
                    return i;
                }
            }
        }

        throw new InvalidOperationException($"folder '{folder}' has no rank in {nameof(Layers)}: add it where data reaches it");
    }

    /// <summary>Earlier ranks only; a business model's own folder is named by the catalog alone.</summary>
    public static bool Allowed(string from, string to) =>
        Rank(to) < Rank(from) && (!to.StartsWith("BusinessModels/", StringComparison.Ordinal) || from == "BusinessModels");
}
