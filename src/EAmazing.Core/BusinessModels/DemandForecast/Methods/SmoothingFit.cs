using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Fits smoothing parameters by the sum of squared one-step errors with MathNet's Nelder–Mead simplex. Each parameter
/// lives in a box (lower, upper) and is optimised on the logit of its position in the box, so every point the simplex
/// tries is a valid parameter set. A fit that fails or ends on a non-finite error keeps the starting values, which are
/// always valid: a forecast never depends on an optimiser having converged.
/// </summary>
public static class SmoothingFit
{
    public sealed record Box(double Lower, double Upper, double Start);

    /// <returns>The parameters with the least squared error found, and that error.</returns>
    public static (double[] Parameters, double Sse) Minimise(Func<double[], double> sse, IReadOnlyList<Box> boxes, int maxIterations = 400)
    {
        double[] ToParameters(Vector<double> logits) =>
            logits.Select((z, i) => boxes[i].Lower + ((boxes[i].Upper - boxes[i].Lower) / (1 + Math.Exp(-z)))).ToArray();

        double Objective(Vector<double> logits)
        {
            var value = sse(ToParameters(logits));
            return double.IsFinite(value) ? value : double.MaxValue;
        }

        var start = boxes.Select(b => b.Start).ToArray();
        var startSse = sse(start);
        var initial = Vector<double>.Build.DenseOfEnumerable(boxes.Select(b =>
        {
            var p = Math.Clamp((b.Start - b.Lower) / (b.Upper - b.Lower), 1e-6, 1 - 1e-6);
            return Math.Log(p / (1 - p));
        }));
        try
        {
            var result = new NelderMeadSimplex(1e-8, maxIterations).FindMinimum(ObjectiveFunction.Value(Objective), initial);
            var best = ToParameters(result.MinimizingPoint);
            var bestSse = sse(best);
            return double.IsFinite(bestSse) && (!double.IsFinite(startSse) || bestSse <= startSse) ? (best, bestSse) : (start, startSse);
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArithmeticException)
        {
            // Out of iterations on a flat valley: the start is a valid, if less tuned, parameter set.
            return (start, startSse);
        }
    }
}
