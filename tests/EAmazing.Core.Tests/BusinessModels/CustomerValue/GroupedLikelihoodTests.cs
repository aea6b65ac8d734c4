using EAmazing.BusinessModels.CustomerValue;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

/// <summary>The grouped likelihoods the fits maximise are the per-customer likelihoods, regrouped: same values, same optimum.</summary>
public sealed class GroupedLikelihoodTests
{
    private static readonly BgNbdParameters Truth = new(0.6, 12.0, 0.9, 3.0);

    public static TheoryData<double, double, double, double> Points => new()
    {
        { 0.6, 12.0, 0.9, 3.0 },
        { 0.243, 4.414, 0.793, 2.426 },
        { 3.0, 0.5, 20.0, 1e4 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Grouped_And_Per_Customer_Bg_Nbd_Likelihoods_Are_Equal(double r, double alpha, double a, double b)
    {
        var m = new BgNbdParameters(r, alpha, a, b);
        // Day-resolution histories (as the lake's are once rounded) repeat, so the sample holds far fewer groups than customers.
        var customers = BgNbdSimulation.Draw(Truth, 5_000, 20, 120, 0, seed: 3)
            .Select(c => c.Summary with { Recency = Math.Round(c.Summary.Recency), Age = Math.Round(c.Summary.Age) }).ToList();

        var exact = BgNbdSample.Of(customers, 0);
        var days = BgNbdSample.Of(customers, BgNbdSample.DayResolution);

        Assert.Equal(BgNbdModel.MeanLogLikelihood(m, customers), exact.MeanLogLikelihood(m), 10);
        Assert.Equal(BgNbdModel.MeanLogLikelihood(m, customers), days.MeanLogLikelihood(m), 10);
        Assert.Equal(5_000, days.Customers);
        Assert.InRange(days.Groups, 100, 3_500);
    }

    [Fact]
    public void Day_Resolution_Rounds_Each_Customer_Once_And_Keeps_Recency_Within_Age()
    {
        CustomerSummary[] customers = [new(2, 9.6, 9.7, 0), new(2, 10.4, 10.4, 0), new(0, 0, 3.2, 0)];

        var sample = BgNbdSample.Of(customers, BgNbdSample.DayResolution);
        CustomerSummary[] rounded = [new(2, 10, 10, 0), new(2, 10, 10, 0), new(0, 0, 3, 0)];

        Assert.Equal(2, sample.Groups);
        Assert.Equal(BgNbdModel.MeanLogLikelihood(Truth, rounded), sample.MeanLogLikelihood(Truth), 12);
    }

    [Fact]
    public void The_Grouped_Fit_Finds_The_Per_Customer_Optimum()
    {
        var customers = BgNbdSimulation.Draw(Truth, 3_000, 20, 120, 0, seed: 11)
            .Select(c => c.Summary with { Recency = Math.Round(c.Summary.Recency), Age = Math.Round(c.Summary.Age) }).ToList();

        var (grouped, _) = BgNbdModel.Fit(customers);
        var perCustomer = MaximumLikelihoodFit.Maximise(p => BgNbdModel.MeanLogLikelihood(new BgNbdParameters(p[0], p[1], p[2], p[3]), customers), [1.0, 10.0, 1.0, 3.0]);

        Assert.NotNull(grouped);
        Assert.True(perCustomer.Converged, perCustomer.Message);
        double[] fitted = [grouped.R, grouped.Alpha, grouped.A, grouped.B];
        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(fitted[i] / perCustomer.Parameters[i], 0.995, 1.005);
        }
    }

    [Fact]
    public void Grouped_And_Per_Customer_Gamma_Gamma_Likelihoods_Are_Equal()
    {
        var spend = new GammaGammaParameters(6, 4, 15);
        var customers = BgNbdSimulation.Draw(new BgNbdParameters(2, 10, 0.5, 8), 2_000, 60, 200, 0, seed: 23, spend).Select(c => c.Summary).ToList();
        var informative = customers.Where(GammaGammaModel.Informs).ToList();

        var sample = GammaGammaSample.Of(customers);

        Assert.Equal(informative.Count, sample.Customers);
        foreach (var m in new[] { spend, new GammaGammaParameters(0.5, 20, 300) })
        {
            Assert.Equal(GammaGammaModel.MeanLogLikelihood(m, informative), sample.MeanLogLikelihood(m), 10);
        }
    }
}
