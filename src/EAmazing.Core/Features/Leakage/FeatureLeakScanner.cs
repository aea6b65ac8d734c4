using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>
/// The per-feature scan: each feature alone scored against the label by ROC-AUC. Honest single features on
/// this data reach 0.6–0.8; one that separates the label almost perfectly almost always carries the future.
/// </summary>
public static class FeatureLeakScanner
{
    /// <summary>Scans the given feature columns of <paramref name="rows"/>; rows with a NULL label are skipped, non-numeric columns too.</summary>
    public static FeatureLeakScan Scan(QueryResult rows, string label, IEnumerable<string> features, LeakageAuditOptions options)
    {
        var labelIndex = Index(rows, label);
        var labelled = rows.Rows.Where(r => r[labelIndex] is not null).ToList();
        var labels = labelled.Select(r => FeatureValue.AsNumber(r[labelIndex]) is > 0).ToList();
        var columns = new Dictionary<string, IReadOnlyList<double?>>();
        foreach (var feature in features)
        {
            var i = Index(rows, feature);
            if (labelled.Any(r => r[i] is not null) && labelled.All(r => r[i] is null || FeatureValue.IsNumeric(r[i])))
            {
                columns[feature] = labelled.Select(r => FeatureValue.AsNumber(r[i])).ToList();
            }
        }

        return Scan(columns, labels, label, options);
    }

    public static FeatureLeakScan Scan(IReadOnlyDictionary<string, IReadOnlyList<double?>> features, IReadOnlyList<bool> labels, string label, LeakageAuditOptions options)
    {
        var positives = labels.LongCount(l => l);
        var judged = labels.Count >= options.MinRowsForAuc && positives > 0 && positives < labels.Count;
        var scores = features.Select(f =>
        {
            var auc = RocAuc.Of(f.Value, labels);
            var suspicious = judged && !double.IsNaN(auc) && Math.Max(auc, 1 - auc) >= options.AucThreshold;
            return new FeatureAuc(f.Key, auc, labels.Count, judged, suspicious);
        }).OrderByDescending(f => double.IsNaN(f.Auc) ? 0 : f.Separation).ToList();
        return new FeatureLeakScan(label, options.AucThreshold, labels.Count, positives, scores);
    }

    private static int Index(QueryResult rows, string column)
    {
        var i = rows.Columns.ToList().IndexOf(column);
        return i >= 0 ? i : throw new ArgumentException($"no column {column} in the rows");
    }
}
