using EAmazing.Models.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EAmazing.Models.Families.MlNet;

/// <summary>Turns tabular rows into ML.NET data views with a feature vector of the right size.</summary>
public static class MlNetData
{
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>
    /// Training view; with <paramref name="balance"/> positives get weight negatives/positives (training
    /// only: validation and test are never re-weighted).
    /// </summary>
    public static IDataView Training(MLContext ml, TabularDataset data, bool balance)
    {
        var positives = data.Labels.Count(l => l);
        var positiveWeight = balance && positives > 0 ? (float)((data.Count - positives) / (double)positives) : 1f;
        var rows = Enumerable.Range(0, data.Count)
            .Select(i => new FeatureRow { Features = data.Features[i], Label = data.Labels[i], Weight = data.Labels[i] ? positiveWeight : 1f })
            .ToList();
        return ml.Data.LoadFromEnumerable(rows, Schema(data.FeatureNames.Count));
    }

    public static IDataView Scoring(MLContext ml, IReadOnlyList<float[]> rows, int featureCount) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }).ToList(), Schema(featureCount));
}
