using EAmazing.BusinessModels.CustomerValue;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

/// <summary>
/// A fit that cannot converge says so and returns no parameters (training then registers nothing and the champion stays):
/// histories whose calibration end lies before the first purchase by more than any α the box allows (ln(α + T) of a
/// negative number) have no finite likelihood anywhere.
/// </summary>
public sealed class BgNbdNonConvergenceTests
{
    [Fact]
    public void Histories_without_a_finite_likelihood_anywhere_are_reported_as_not_converged_with_no_parameters()
    {
        var impossible = Enumerable.Range(0, 50).Select(i => new CustomerSummary(i % 3, 0, -1e7 - i, 0)).ToList();

        var (parameters, fit) = BgNbdModel.Fit(impossible);

        Assert.Null(parameters);
        Assert.False(fit.Converged);
        Assert.Empty(fit.Parameters);
        Assert.Equal("the optimum is not a finite likelihood (degenerate data)", fit.Message);
    }

    [Fact]
    public void An_optimiser_given_too_few_iterations_reports_no_convergence_and_names_both_methods()
    {
        // A smooth bowl far from the start: neither L-BFGS-B nor Nelder–Mead reach it in 2 iterations.
        var fit = MaximumLikelihoodFit.Maximise(p => -Math.Pow(Math.Log(p[0]) - 9, 2) - Math.Pow(Math.Log(p[1]) + 7, 2), [1.0, 1.0], maxIterations: 2);

        Assert.False(fit.Converged);
        Assert.StartsWith("no convergence: L-BFGS-B", fit.Message, StringComparison.Ordinal);
        Assert.Contains("then Nelder-Mead within 10 iterations", fit.Message, StringComparison.Ordinal);
    }
}
