using EAmazing.Models.Data;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// The churn baseline a CRM team would use without a model: days since the last purchase alone. The training rows are cut
/// into quantile bins of that number, users who never bought form their own bin, and each bin predicts its training
/// churn rate (shrunk towards the overall rate so a small bin says nothing extreme), so it has a log-loss as well as an AUC.
/// </summary>
public sealed class RecencyRule
{
    public const string Feature = "days_since_last_purchase";

    private const int Bins = 10;

    /// <summary>Pseudo-rows of the overall rate added to every bin.</summary>
    private const double Shrinkage = 5;

    private readonly int _feature;
    private readonly float[] _cuts;
    private readonly float[] _rates; // one per bin, the last for "never bought" (a missing value)

    private RecencyRule(int feature, float[] cuts, float[] rates)
    {
        _feature = feature;
        _cuts = cuts;
        _rates = rates;
    }

    public static RecencyRule Fit(TabularDataset train)
    {
        var feature = train.FeatureNames.ToList().IndexOf(Feature);
        if (feature < 0)
        {
            throw new InvalidOperationException($"the churn rows have no {Feature} column: rebuild the gold layer (eamazing features build)");
        }

        var values = train.Features.Select(r => r[feature]).Where(v => !float.IsNaN(v)).Order().ToArray();
        var cuts = values.Length == 0 ? [] : Enumerable.Range(1, Bins - 1).Select(i => values[i * (values.Length - 1) / Bins]).Distinct().ToArray();
        var prior = train.PositiveRate;
        var churned = new double[cuts.Length + 2];
        var counts = new int[churned.Length];
        for (var i = 0; i < train.Count; i++)
        {
            var bin = BinOf(train.Features[i][feature], cuts);
            counts[bin]++;
            churned[bin] += train.Labels[i] ? 1 : 0;
        }

        var rates = churned.Select((c, b) => (float)((c + (Shrinkage * prior)) / (counts[b] + Shrinkage))).ToArray();
        return new RecencyRule(feature, cuts, rates);
    }

    /// <summary>The probability of churn of one row (its bin's training rate).</summary>
    public float Predict(float[] row) => _rates[BinOf(row[_feature], _cuts)];

    public float[] Predict(TabularDataset data) => data.Features.Select(Predict).ToArray();

    /// <summary>The bin a value falls in: the first whose upper cut is at or above it; missing (never bought) is the last.</summary>
    internal static int BinOf(float value, float[] cuts)
    {
        if (float.IsNaN(value))
        {
            return cuts.Length + 1;
        }

        var bin = 0;
        while (bin < cuts.Length && value > cuts[bin])
        {
            bin++;
        }

        return bin;
    }
}
