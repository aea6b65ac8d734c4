using EAmazing.Models.Data;
using EAmazing.Models.Families.Preparation;

namespace EAmazing.Core.Tests.Models.Families;

public sealed class FeaturePreparationTests
{
    private static readonly DateTime Day = new(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_Missing_Value_Gets_An_Indicator_And_The_Training_Mean_Instead_Of_Zero()
    {
        // days_since_last_purchase: missing means "never purchased", not "0 days ago".
        var train = Data([[1f], [3f], [float.NaN], [5f]]);

        var fitted = FeaturePreparation.ForGradientLearners.Fit(train);
        var missing = fitted.Transform([float.NaN]);
        var zero = fitted.Transform([0f]);

        Assert.Equal(["x", "x_missing"], fitted.OutputNames);
        Assert.Equal([0f, 1f], missing);
        Assert.True(zero[0] < -1, $"0 days ago must read as far below the mean, got {zero[0]}");
        Assert.Equal(0f, zero[1]);
        Assert.Contains("missing indicator: x", fitted.Steps);
    }

    [Fact]
    public void A_Heavy_Tailed_Count_Is_Log_Transformed_And_Standardised_On_Train_Only()
    {
        var counts = Enumerable.Range(0, 200).Select(i => new[] { i < 190 ? (float)(i % 4) : 500f + i }).ToArray();
        var train = Data(counts);

        var fitted = FeaturePreparation.ForGradientLearners.Fit(train);
        var prepared = fitted.Transform(train);
        var column = prepared.Features.Select(r => (double)r[0]).ToArray();

        Assert.True(fitted.Columns[0].Log1p);
        Assert.Equal(0, column.Average(), 6);
        Assert.Equal(1, Math.Sqrt(column.Sum(v => v * v) / (column.Length - 1)), 4);
        Assert.Equal(["x"], fitted.OutputNames);
    }

    [Fact]
    public void Tree_Families_Keep_Raw_Values()
    {
        var train = Data([[1f], [float.NaN], [1000f]]);

        var fitted = FeaturePreparation.Raw.Fit(train);

        Assert.Equal(["raw values"], fitted.Steps);
    }

    private static TabularDataset Data(float[][] rows) =>
        new(["x"], rows, rows.Select((_, i) => i % 2 == 0).ToArray(), rows.Select((_, i) => Day.AddHours(i)).ToArray());
}
