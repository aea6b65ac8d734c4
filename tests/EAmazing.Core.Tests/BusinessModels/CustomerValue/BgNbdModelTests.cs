using EAmazing.BusinessModels.CustomerValue;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

public sealed class BgNbdModelTests
{
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    /// <summary>Equation 6 of the paper written out by hand: Γ ratios as finite products (integer x), no log-gamma.</summary>
    private static double HandLikelihood(BgNbdParameters m, int x, double tx, double age)
    {
        var gammaR = 1.0;
        var gammaB = 1.0;
        var gammaAb = 1.0;
        for (var j = 0; j < x; j++)
        {
            gammaR *= m.R + j;
            gammaB *= m.B + j;
            gammaAb *= m.A + m.B + j;
        }

        var first = gammaR * Math.Pow(m.Alpha, m.R) * gammaB / gammaAb;
        var alive = Math.Pow(1 / (m.Alpha + age), m.R + x);
        var dead = x > 0 ? m.A / (m.B + x - 1) * Math.Pow(1 / (m.Alpha + tx), m.R + x) : 0;
        return first * (alive + dead);
    }

    [Theory]
    [InlineData(0, 0.0, 38.86)]
    [InlineData(1, 1.71, 38.86)]
    [InlineData(2, 30.43, 38.86)]
    [InlineData(7, 12.0, 20.0)]
    public void Log_Likelihood_Matches_The_Hand_Computed_Value(int x, double tx, double age)
    {
        var expected = Math.Log(HandLikelihood(Cdnow, x, tx, age));
        Assert.Equal(expected, BgNbdModel.LogLikelihood(Cdnow, new CustomerSummary(x, tx, age, 0)), 10);
    }

    [Fact]
    public void Mean_Log_Likelihood_Of_A_Small_Fixture_Matches_The_Hand_Sum()
    {
        CustomerSummary[] fixture = [new(0, 0, 38.86, 0), new(2, 30.43, 38.86, 0), new(1, 1.71, 38.86, 0), new(4, 35.0, 36.0, 0)];
        var hand = fixture.Average(c => Math.Log(HandLikelihood(Cdnow, c.Frequency, c.Recency, c.Age)));
        Assert.Equal(hand, BgNbdModel.MeanLogLikelihood(Cdnow, fixture), 10);
    }

    [Fact]
    public void Fit_Recovers_The_Parameters_Of_Data_Simulated_By_The_Model()
    {
        var truth = new BgNbdParameters(0.6, 12.0, 0.9, 3.0);
        var customers = BgNbdSimulation.Draw(truth, 6_000, 20, 120, 0, seed: 19).Select(c => c.Summary).ToList();

        var (fitted, fit) = BgNbdModel.Fit(customers);

        Assert.True(fit.Converged, fit.Message);
        Assert.NotNull(fitted);
        // The fit is the maximum: the truth scores no higher on the same (day-rounded) data.
        Assert.True(fit.MeanLogLikelihood >= BgNbdSample.Of(customers, BgNbdSample.DayResolution).MeanLogLikelihood(truth) - 1e-9);
        Assert.InRange(fitted.R / truth.R, 0.8, 1.25);
        Assert.InRange(fitted.Alpha / truth.Alpha, 0.75, 1.33);
        Assert.InRange(fitted.A / truth.A, 0.6, 1.6);
        Assert.InRange(fitted.B / truth.B, 0.6, 1.6);
    }

    [Fact]
    public void Expected_Holdout_Purchases_Match_What_The_Model_Then_Does()
    {
        // The conditional expectation (equation 10), summed over customers, against the purchases the same
        // simulated customers make in the 30 days after their calibration end.
        var truth = new BgNbdParameters(0.6, 12.0, 0.9, 3.0);
        var customers = BgNbdSimulation.Draw(truth, 20_000, 20, 120, 30, seed: 7);

        var predicted = customers.Sum(c => BgNbdModel.ExpectedPurchases(truth, c.Summary, 30));
        var actual = customers.Sum(c => c.HoldoutPurchases);

        Assert.InRange(predicted / actual, 0.95, 1.05);
    }

    [Fact]
    public void A_Customer_Long_Silent_After_Many_Purchases_Is_Probably_Gone()
    {
        var recent = BgNbdModel.ProbabilityAlive(Cdnow, new CustomerSummary(10, 38, 39, 0));
        var silent = BgNbdModel.ProbabilityAlive(Cdnow, new CustomerSummary(10, 5, 39, 0));

        Assert.Equal(1.0, BgNbdModel.ProbabilityAlive(Cdnow, new CustomerSummary(0, 0, 39, 0)));
        Assert.True(recent > 0.9, $"recent buyer alive {recent}");
        Assert.True(silent < 0.1, $"silent buyer alive {silent}");
    }
}
