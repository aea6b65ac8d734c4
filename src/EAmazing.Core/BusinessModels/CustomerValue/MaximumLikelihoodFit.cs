using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Maximises a log-likelihood over positive parameters with MathNet's Nelder–Mead simplex on their logarithms (no
/// gradient needed, and positivity holds by construction), restarted once from its own optimum, the usual guard
/// against a simplex that collapsed early. A fit that runs out of iterations or ends on a non-finite value is
/// reported as not converged, never returned as if it were an estimate.
/// </summary>
public static class MaximumLikelihoodFit
{
    /// <param name="meanLogLikelihood">The mean log-likelihood per customer at the given (positive) parameters.</param>
    /// <param name="start">Positive starting values.</param>
    public static FitResult Maximise(Func<double[], double> meanLogLikelihood, IReadOnlyList<double> start, int maxIterations = 10_000, double tolerance = 1e-9)
    {
        double Objective(Vector<double> logs)
        {
            var value = meanLogLikelihood(logs.Select(v => Math.Exp(v)).ToArray());
            // The simplex only compares values: an impossible point is simply the worst one.
            return double.IsFinite(value) ? -value : 1e300;
        }

        var solver = new NelderMeadSimplex(tolerance, maxIterations);
        var objective = ObjectiveFunction.Value(Objective);
        var point = Vector<double>.Build.DenseOfEnumerable(start.Select(s => Math.Log(s)));
        var iterations = 0;
        try
        {
            for (var round = 0; round < 2; round++)
            {
                var result = solver.FindMinimum(objective, point);
                point = result.MinimizingPoint;
                iterations += result.Iterations;
            }
        }
        catch (MaximumIterationsException)
        {
            return new FitResult([], double.NaN, iterations + maxIterations, false, $"no convergence within {maxIterations} iterations");
        }

        var parameters = point.Select(v => Math.Exp(v)).ToArray();
        var best = meanLogLikelihood(parameters);
        return double.IsFinite(best) && parameters.All(p => double.IsFinite(p) && p > 0)
            ? new FitResult(parameters, best, iterations, true, "converged")
            : new FitResult([], double.NaN, iterations, false, "the optimum is not a finite likelihood (degenerate data)");
    }

    /// <summary>ln Γ(x), from MathNet.</summary>
    public static double LogGamma(double x) => SpecialFunctions.GammaLn(x);
}

/// <summary>A maximum-likelihood fit: the parameters (empty when it failed), the mean log-likelihood per customer, and why it stopped.</summary>
public sealed record FitResult(IReadOnlyList<double> Parameters, double MeanLogLikelihood, int Iterations, bool Converged, string Message);
