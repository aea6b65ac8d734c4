using EAmazing.BusinessModels.CustomerValue;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

public sealed class GammaGammaModelTests
{
    [Fact]
    public void Log_Likelihood_Is_The_Density_Of_The_Mean_Of_Gamma_Values()
    {
        // x = 1: the mean is one value, Gamma(p, ν) with ν ~ Gamma(q, γ): a compound density with the closed form
        // Γ(p+q)/(Γ(p)Γ(q)) · γ^q · m^(p−1) / (γ+m)^(p+q); here p = 2, q = 3 so the Γ ratio is 4!/(1!·2!) = 12.
        var m = new GammaGammaParameters(2, 3, 10);
        var spend = 7.0;
        var hand = 12 * Math.Pow(10, 3) * spend / Math.Pow(10 + spend, 5);
        Assert.Equal(Math.Log(hand), GammaGammaModel.LogLikelihood(m, 1, spend), 10);
    }

    [Fact]
    public void Fit_Recovers_The_Parameters_Of_Data_Simulated_By_The_Model()
    {
        var spend = new GammaGammaParameters(6, 4, 15);
        var customers = BgNbdSimulation.Draw(new BgNbdParameters(2, 10, 0.5, 8), 6_000, 60, 200, 0, seed: 23, spend)
            .Select(c => c.Summary).ToList();

        var (fitted, fit) = GammaGammaModel.Fit(customers);

        Assert.True(fit.Converged, fit.Message);
        Assert.NotNull(fitted);
        Assert.InRange(fitted.PopulationMeanSpend / spend.PopulationMeanSpend, 0.9, 1.1);
        Assert.InRange(fitted.P / spend.P, 0.75, 1.33);
        Assert.InRange(fitted.Q / spend.Q, 0.7, 1.4);
    }

    [Fact]
    public void Expected_Spend_Shrinks_A_Customer_Towards_The_Population()
    {
        var m = new GammaGammaParameters(6, 4, 15);
        var big = GammaGammaModel.ExpectedSpend(m, new CustomerSummary(2, 10, 20, 200));
        var newcomer = GammaGammaModel.ExpectedSpend(m, new CustomerSummary(0, 0, 20, 0));

        Assert.Equal(m.PopulationMeanSpend, newcomer, 10);
        Assert.InRange(big, m.PopulationMeanSpend, 200);
    }
}
