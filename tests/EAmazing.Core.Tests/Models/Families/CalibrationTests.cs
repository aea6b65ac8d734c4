using EAmazing.Models.Families.Calibration;

namespace EAmazing.Core.Tests.Models.Families;

public sealed class CalibrationTests
{
    [Fact]
    public void Platt_Scaling_Recovers_The_Slope_And_Intercept_Behind_The_Outcomes()
    {
        // Outcomes drawn with p = σ(0.5·logit(s) − 1): Platt must find a ≈ 0.5 and b ≈ −1.
        var rng = new Random(3);
        var scores = Enumerable.Range(0, 20_000).Select(_ => (float)(0.02 + (0.96 * rng.NextDouble()))).ToArray();
        var labels = scores.Select(s => rng.NextDouble() < 1 / (1 + Math.Exp(-((0.5 * Math.Log(s / (1 - s))) - 1)))).ToArray();

        var platt = PlattCalibrator.Fit(scores, labels);

        Assert.Equal(0.5, platt.Slope, 1);
        Assert.Equal(-1, platt.Intercept, 1);
    }

    [Fact]
    public void Isotonic_Calibration_Never_Decreases_And_Never_Reaches_0_Or_1()
    {
        var rng = new Random(4);
        var scores = Enumerable.Range(0, 2_000).Select(_ => (float)rng.NextDouble()).ToArray();
        var labels = scores.Select(s => rng.NextDouble() < s * s).ToArray();

        var isotonic = IsotonicCalibrator.Fit(scores, labels);
        var grid = Enumerable.Range(0, 101).Select(i => isotonic.Apply(i / 100f)).ToArray();

        Assert.True(grid.Zip(grid.Skip(1)).All(p => p.First <= p.Second));
        Assert.All(grid, p => Assert.InRange(p, 1e-7, 1 - 1e-7));
        Assert.True(grid[90] - grid[10] > 0.5);
    }

    [Fact]
    public void Already_Calibrated_Scores_Keep_No_Calibration_Or_Stay_Close()
    {
        var rng = new Random(5);
        var scores = Enumerable.Range(0, 5_000).Select(_ => (float)rng.NextDouble()).ToArray();
        var labels = scores.Select(s => rng.NextDouble() < s).ToArray();

        var (calibrator, _) = CalibrationChoice.Choose(scores, labels);

        Assert.All(new[] { 0.1f, 0.5f, 0.9f }, s => Assert.Equal(s, calibrator.Apply(s), 1));
    }
}
