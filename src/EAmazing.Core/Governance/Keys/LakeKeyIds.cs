using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Governance.Keys;

/// <summary>Which key ids the lake's catalog records, per layer, for ingested files and for the suppression list.</summary>
public static class LakeKeyIds
{
    public const string IngestedFiles = "ingested_files";
    public const string SuppressedSubjects = "suppressed_subjects";

    public static IReadOnlyList<LakeKeyUse> Read(ILakeEngine lake)
    {
        var uses = new List<LakeKeyUse>();
        Add("SELECT layer, key_id, count(*) FROM lake_partitions GROUP BY ALL ORDER BY ALL");
        Add($"SELECT '{IngestedFiles}', key_id, count(*) FROM ingested_files GROUP BY ALL ORDER BY ALL");
        Add($"SELECT '{SuppressedSubjects}', key_id, count(*) FROM suppressed_subjects GROUP BY ALL ORDER BY ALL");
        return uses;

        void Add(string sql) => uses.AddRange(lake.Query(sql).Rows.Select(r =>
            new LakeKeyUse((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2], CultureInfo.InvariantCulture))));
    }

    /// <summary>The distinct key ids the lake records anywhere.</summary>
    public static IReadOnlySet<string> Distinct(ILakeEngine lake) => Read(lake).Select(u => u.KeyId).ToHashSet(StringComparer.Ordinal);
}
