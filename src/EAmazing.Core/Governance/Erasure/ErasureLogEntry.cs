using System.Globalization;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Governance.Erasure;

/// <summary>One row of the catalog's <c>erasure_log</c>: which subject (digest) an erasure removed, when, and how many rows per table (JSON).</summary>
public sealed record ErasureLogEntry(string ErasureId, string SubjectDigest, string KeyId, DateTime ErasedAt, string RowsRemoved, string EventMonths, string ModelsFlagged)
{
    /// <summary>The entries of a subject (every entry when <paramref name="subjectDigest"/> is null), oldest first.</summary>
    public static IReadOnlyList<ErasureLogEntry> Read(ILakeEngine lake, string? subjectDigest = null) =>
        lake.Query($"""
            SELECT erasure_id, subject_digest, key_id, erased_at, rows_removed, event_months, models_flagged FROM erasure_log
            {(subjectDigest is null ? "" : $"WHERE subject_digest = '{LakeSql.Literal(subjectDigest)}'")}
            ORDER BY erased_at, erasure_id, subject_digest
            """).Rows
            .Select(r => new ErasureLogEntry((string)r[0]!, (string)r[1]!, (string)r[2]!,
                DateTime.SpecifyKind(Convert.ToDateTime(r[3], CultureInfo.InvariantCulture), DateTimeKind.Utc), (string)r[4]!, (string)r[5]!, (string)r[6]!))
            .ToList();
}
