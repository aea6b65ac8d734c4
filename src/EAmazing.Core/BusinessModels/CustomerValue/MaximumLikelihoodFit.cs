using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Optimization.ObjectiveFunctions;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Maximises a log-likelihood over positive parameters on their logarithms (positivity by construction) with MathNet's
/// bounded BFGS (L-BFGS-B, forward-difference gradients), falling back to its Nelder–Mead simplex when the line search
/// fails. The logarithms are boxed to [−12, 14]: the BG/NBD likelihood has a ridge towards a, b → ∞ when the data show
/// no spread in dropout, and the box turns "walks along the ridge forever" into an optimum on its edge whose predictions
/// no longer change. A fit that runs out of iterations or ends on a non-finite value is reported as not converged,
/// never returned as if it were an estimate.
/// </summary>
public static class MaximumLikelihoodFit
{
    public const double LowestLog = -12;
    public const double HighestLog = 14;

    /// <param name="meanLogLikelihood">The mean log-likelihood per customer at the given (positive) parameters.</param>
    /// <param name="start">Positive starting values.</param>
    public static FitResult Maximise(Func<double[], double> meanLogLikelihood, IReadOnlyList<double> start, int maxIterations = 2_000)
    {
        double Objective(Vector<double> logs)
        {
            var value = meanLogLikelihood(logs.Select(v => Math.Exp(v)).ToArray());
            // An impossible point is simply a very bad one for both optimisers.
            return double.IsFinite(value) ? -value : 1e300;
        }

        var lower = Vector<double>.Build.Dense(start.Count, LowestLog);
        var upper = Vector<double>.Build.Dense(start.Count, HighestLog);
        var initial = Vector<double>.Build.DenseOfEnumerable(start.Select(s => Math.Clamp(Math.Log(s), LowestLog + 1, HighestLog - 1)));
        Vector<double> point;
        int iterations;
        string how;
        try
        {
            var gradient = new ForwardDifferenceGradientObjectiveFunction(ObjectiveFunction.Value(Objective), lower, upper);
            var result = new BfgsBMinimizer(1e-7, 1e-9, 1e-12, maxIterations).FindMinimum(gradient, lower, upper, initial);
            (point, iterations, how) = (result.MinimizingPoint, result.Iterations, "L-BFGS-B");
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArithmeticException)
        {
            try
            {
                double Boxed(Vector<double> logs) => logs.Any(v => v < LowestLog || v > HighestLog) ? 1e300 : Objective(logs);
                var result = new NelderMeadSimplex(1e-9, maxIterations * 5).FindMinimum(ObjectiveFunction.Value(Boxed), initial);
                (point, iterations, how) = (result.MinimizingPoint, result.Iterations, $"Nelder-Mead after L-BFGS-B failed ({e.Message})");
            }
            catch (MaximumIterationsException)
            {
                return new FitResult([], double.NaN, maxIterations * 6, false, $"no convergence: L-BFGS-B ({e.Message}), then Nelder-Mead within {maxIterations * 5} iterations");
            }
        }

        var parameters = point.Select(v => Math.Exp(v)).ToArray();
        var best = meanLogLikelihood(parameters);
        var edge = point.Any(v => v >= HighestLog - 1e-6) ? "; a parameter sits on the upper bound (a flat ridge of the likelihood)" : "";
        return double.IsFinite(best) && parameters.All(p => double.IsFinite(p) && p > 0)
            ? new FitResult(parameters, best, iterations, true, $"converged ({how}){edge}")
            : new FitResult([], double.NaN, iterations, false, "the optimum is not a finite likelihood (degenerate data)");
    }

    /// <summary>ln Γ(x), from MathNet.</summary>
    public static double LogGamma(double x) => SpecialFunctions.GammaLn(x);
}

/// <summary>A maximum-likelihood fit: the parameters (empty when it failed), the mean log-likelihood per customer, and why it stopped.</summary>
public sealed record FitResult(IReadOnlyList<double> Parameters, double MeanLogLikelihood, int Iterations, bool Converged, string Message);
