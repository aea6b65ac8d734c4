using EAmazing.Models.Data;

namespace EAmazing.Models.Families.Preparation;

/// <summary>
/// How a family wants its inputs prepared, declared by the family (<see cref="IModelFamily.Preparation"/>) and
/// applied by the lab, fitted on the training window only. Gradient learners (logistic regression, the network)
/// need all three steps; trees split on raw values and keep them (<see cref="Raw"/>).
/// </summary>
/// <param name="MissingIndicators">A 0/1 column per feature that has missing values, the value itself then set to
/// the training mean: "no previous purchase" must not read as "purchased 0 days ago".</param>
/// <param name="Log1pHeavyTails">log(1 + x) for non-negative, right-skewed features (counts, amounts, durations).</param>
/// <param name="Standardise">Subtract the training mean and divide by the training standard deviation.</param>
public sealed record FeaturePreparation(bool MissingIndicators, bool Log1pHeavyTails, bool Standardise)
{
    /// <summary>Sample skewness above which a non-negative feature with more than two values is log-transformed.</summary>
    public const double HeavyTailSkewness = 2.0;

    /// <summary>Raw values (NaN stays missing): what tree learners see.</summary>
    public static FeaturePreparation Raw { get; } = new(false, false, false);

    /// <summary>Missing indicators, log1p of heavy tails, standardisation: what gradient learners need.</summary>
    public static FeaturePreparation ForGradientLearners { get; } = new(true, true, true);

    public bool IsRaw => this == Raw;

    /// <summary>Learns the transformation's parameters on <paramref name="train"/> (never on validation or test rows).</summary>
    public FittedPreparation Fit(TabularDataset train)
    {
        var columns = new List<PreparedColumn>();
        for (var f = 0; f < train.FeatureNames.Count; f++)
        {
            var values = train.Features.Select(r => r[f]).Where(v => !float.IsNaN(v)).Select(v => (double)v).ToArray();
            var hasMissing = values.Length < train.Count;
            var log = Log1pHeavyTails && IsHeavyTailed(values);
            var transformed = log ? values.Select(v => Math.Log(1 + v)).ToArray() : values;
            var mean = transformed.Length == 0 ? 0 : transformed.Average();
            var deviation = transformed.Length < 2 ? 0 : Math.Sqrt(transformed.Sum(v => (v - mean) * (v - mean)) / (transformed.Length - 1));
            columns.Add(new PreparedColumn(train.FeatureNames[f], log, mean, Standardise && deviation > 0 ? deviation : 1, Standardise, MissingIndicators && hasMissing));
        }

        return new FittedPreparation(this, columns);
    }

    /// <summary>The steps in words, for the card and the report.</summary>
    public override string ToString() =>
        IsRaw ? "raw values" : string.Join(", ", new[]
        {
            MissingIndicators ? "missing-value indicators (missing set to the training mean)" : null,
            Log1pHeavyTails ? "log1p of heavy-tailed features" : null,
            Standardise ? "standardised on the training window" : null,
        }.Where(s => s is not null));

    private static bool IsHeavyTailed(double[] values)
    {
        if (values.Length < 3 || values.Min() < 0 || values.Distinct().Take(3).Count() < 3)
        {
            return false;
        }

        var mean = values.Average();
        var m2 = values.Average(v => (v - mean) * (v - mean));
        var m3 = values.Average(v => (v - mean) * (v - mean) * (v - mean));
        return m2 > 0 && m3 / Math.Pow(m2, 1.5) > HeavyTailSkewness;
    }
}
