using EAmazing.Monitoring.Drift;

namespace EAmazing.Tests.Monitoring;

public sealed class PopulationStabilityTests
{
    private static double[] Uniform(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray();
    }

    [Fact]
    public void The_Same_Distribution_Stays_Ok()
    {
        var psi = PopulationStability.Index(Uniform(1, 5000), Uniform(2, 5000));

        Assert.InRange(psi, 0, 0.02);
        Assert.Equal(DriftLevel.Ok, DriftLevels.Of(psi));
    }

    [Fact]
    public void A_Shifted_Distribution_Alerts_And_A_Small_Shift_Warns()
    {
        var reference = Uniform(1, 5000);
        var current = Uniform(2, 5000);

        Assert.Equal(DriftLevel.Alert, DriftLevels.Of(PopulationStability.Index(reference, current.Select(v => v + 0.5).ToArray())));
        Assert.Equal(DriftLevel.Warn, DriftLevels.Of(PopulationStability.Index(reference, current.Select(v => v + 0.08).ToArray())));
    }

    [Fact]
    public void Values_Going_Missing_Are_Drift_Too()
    {
        var reference = Uniform(1, 5000);
        var halfMissing = Uniform(2, 5000).Select((v, i) => i % 2 == 0 ? double.NaN : v).ToArray();

        Assert.Equal(DriftLevel.Alert, DriftLevels.Of(PopulationStability.Index(reference, halfMissing)));
    }

    [Fact]
    public void A_Discrete_Feature_Gets_One_Bin_Per_Distinct_Cut()
    {
        double[] reference = [0, 0, 0, 0, 0, 1, 1, 2, 2, 3];

        Assert.Equal([0, 1, 2, 3], PopulationStability.Edges(reference, 10));
        Assert.Equal(0, PopulationStability.Index(reference, reference), 10);
    }

    [Theory]
    [InlineData(0.05, DriftLevel.Ok)]
    [InlineData(0.1, DriftLevel.Warn)]
    [InlineData(0.2499, DriftLevel.Warn)]
    [InlineData(0.25, DriftLevel.Alert)]
    public void Levels_Follow_The_Usual_Psi_Rule(double psi, DriftLevel level) => Assert.Equal(level, DriftLevels.Of(psi));
}
