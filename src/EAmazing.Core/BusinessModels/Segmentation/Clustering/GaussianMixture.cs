using EAmazing.Foundation.Randomness;
using MathNet.Numerics.LinearAlgebra;

namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>
/// A Gaussian mixture fitted by expectation–maximisation (the project's own: ML.NET has none). Each covariance gets a
/// fixed prior p(Σ) ∝ exp(-c/2 tr Σ⁻¹), whose M-step is Σ = (S + cI) / N_k: it keeps a component from collapsing onto the
/// many identical rows of non-buyers, and, being fixed, keeps EM an ascent method: the penalised log-likelihood it
/// maximises never decreases (checked every step; <see cref="Objective"/> holds the trace). Linear algebra
/// (Cholesky, inverse) is MathNet.Numerics'.
/// </summary>
public sealed class GaussianMixture : FittedClustering
{
    private const double Log2Pi = 1.8378770664093453;

    private GaussianMixture(CovarianceType type, double[] weights, double[][] means, double[][,] covariances, double prior, string family)
        : base(family, weights.Length)
    {
        Type = type;
        Weights = weights;
        Means = means;
        Covariances = covariances;
        Prior = prior;
        Factors = covariances.Select(Factor).ToArray();
    }

    public CovarianceType Type { get; }

    /// <summary>A stored mixture, for scoring (no fit trace).</summary>
    public static GaussianMixture FromParameters(string family, CovarianceType type, double[] weights, double[][] means, double[][][] covariances, double prior) =>
        new(type, weights, means, [.. covariances.Select(ToMatrix)], prior, family);

    /// <summary>The covariances as jagged arrays (the form a card's JSON can hold).</summary>
    public double[][][] JaggedCovariances() =>
        [.. Covariances.Select(m => Enumerable.Range(0, m.GetLength(0)).Select(a => Enumerable.Range(0, m.GetLength(1)).Select(b => m[a, b]).ToArray()).ToArray())];

    private static double[,] ToMatrix(double[][] rows)
    {
        var matrix = new double[rows.Length, rows.Length];
        for (var a = 0; a < rows.Length; a++)
        {
            for (var b = 0; b < rows.Length; b++)
            {
                matrix[a, b] = rows[a][b];
            }
        }

        return matrix;
    }

    public double[] Weights { get; }

    public double[][] Means { get; }

    public double[][,] Covariances { get; }

    /// <summary>c of the covariance prior.</summary>
    public double Prior { get; }

    /// <summary>The penalised log-likelihood (log-likelihood + log prior of the covariances) after each E-step.</summary>
    public IReadOnlyList<double> Objective { get; private set; } = [];

    /// <summary>The plain log-likelihood of the rows it was fitted on, at the final parameters.</summary>
    public double LogLikelihood { get; private set; }

    public int Rows { get; private set; }

    public override double? Bic => (-2 * LogLikelihood) + (Parameters * Math.Log(Rows));

    /// <summary>Free parameters: k-1 weights, k·d means, and k·d or k·d(d+1)/2 covariance entries.</summary>
    public int Parameters
    {
        get
        {
            var d = Means[0].Length;
            return K - 1 + (K * d) + (K * (Type == CovarianceType.Diagonal ? d : d * (d + 1) / 2));
        }
    }

    private (double[,] Lower, double LogDeterminant, double InverseTrace)[] Factors { get; }

    /// <summary>Fits k components by EM from a k-means++ start drawn under <paramref name="seed"/>.</summary>
    /// <param name="priorStrength">λ: c = λ·n/k, so a component of average size has its variances floored near λ (standardised units).</param>
    /// <exception cref="InvalidOperationException">The objective fell between two steps beyond rounding: EM is broken.</exception>
    public static GaussianMixture Fit(double[][] points, int k, CovarianceType type, ulong seed, int maxIterations = 100, double priorStrength = 0.01, string? family = null)
    {
        var n = points.Length;
        if (n < k || k < 1)
        {
            throw new ArgumentException($"a mixture of k = {k} components needs at least k rows, got {n}");
        }

        var d = points[0].Length;
        var prior = priorStrength * n / k;
        family ??= type == CovarianceType.Full ? "gmm-full" : "gmm-diag";
        var means = SeedMeans(points, k, seed);
        var overall = new double[d, d];
        var centre = Enumerable.Range(0, d).Select(j => points.Average(p => p[j])).ToArray();
        for (var j = 0; j < d; j++)
        {
            overall[j, j] = points.Average(p => (p[j] - centre[j]) * (p[j] - centre[j])) + 1e-6;
        }

        var model = new GaussianMixture(type, [.. Enumerable.Repeat(1.0 / k, k)], means, [.. Enumerable.Range(0, k).Select(_ => (double[,])overall.Clone())], prior, family);
        var trace = new List<double>();
        var responsibilities = new double[n][];
        for (var iteration = 0; ; iteration++)
        {
            var logLikelihood = model.EStep(points, responsibilities);
            var objective = logLikelihood + model.LogPrior();
            if (trace.Count > 0 && objective < trace[^1] - (1e-9 * Math.Max(1, Math.Abs(trace[^1]))))
            {
                throw new InvalidOperationException($"EM's objective fell at step {iteration}: {trace[^1]} → {objective}");
            }

            trace.Add(objective);
            var converged = trace.Count > 1 && objective - trace[^2] < 1e-6 * n;
            if (converged || iteration >= maxIterations)
            {
                model.Objective = trace;
                model.LogLikelihood = logLikelihood;
                model.Rows = n;
                return model;
            }

            model = model.MStep(points, responsibilities);
        }
    }

    public override int[] Assign(ClusteringData data)
    {
        var labels = new int[data.Count];
        var log = new double[K];
        for (var i = 0; i < labels.Length; i++)
        {
            LogJoint(data.Points[i], log);
            labels[i] = Array.IndexOf(log, log.Max());
        }

        return labels;
    }

    /// <summary>Responsibilities of every row; returns the log-likelihood.</summary>
    private double EStep(double[][] points, double[][] responsibilities)
    {
        double total = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var log = responsibilities[i] ??= new double[K];
            LogJoint(points[i], log);
            var max = log.Max();
            double sum = 0;
            for (var c = 0; c < K; c++)
            {
                sum += Math.Exp(log[c] - max);
            }

            var logSum = max + Math.Log(sum);
            total += logSum;
            for (var c = 0; c < K; c++)
            {
                log[c] = Math.Exp(log[c] - logSum);
            }
        }

        return total;
    }

    private GaussianMixture MStep(double[][] points, double[][] responsibilities)
    {
        var n = points.Length;
        var d = points[0].Length;
        var weights = new double[K];
        var means = new double[K][];
        var covariances = new double[K][,];
        for (var c = 0; c < K; c++)
        {
            double mass = 0;
            var mean = new double[d];
            for (var i = 0; i < n; i++)
            {
                var r = responsibilities[i][c];
                mass += r;
                for (var j = 0; j < d; j++)
                {
                    mean[j] += r * points[i][j];
                }
            }

            // An emptied component keeps its mean (any mean maximises a zero mass); its weight goes to zero.
            if (mass > 1e-12)
            {
                for (var j = 0; j < d; j++)
                {
                    mean[j] /= mass;
                }
            }
            else
            {
                mean = (double[])Means[c].Clone();
            }

            var scatter = new double[d, d];
            var delta = new double[d];
            for (var i = 0; i < n; i++)
            {
                var r = responsibilities[i][c];
                for (var j = 0; j < d; j++)
                {
                    delta[j] = points[i][j] - mean[j];
                }

                for (var a = 0; a < d; a++)
                {
                    if (Type == CovarianceType.Diagonal)
                    {
                        scatter[a, a] += r * delta[a] * delta[a];
                        continue;
                    }

                    for (var b = 0; b <= a; b++)
                    {
                        scatter[a, b] += r * delta[a] * delta[b];
                    }
                }
            }

            var denominator = Math.Max(mass, 1e-12);
            for (var a = 0; a < d; a++)
            {
                scatter[a, a] += Prior;
                for (var b = 0; b <= a; b++)
                {
                    scatter[a, b] /= denominator;
                    scatter[b, a] = scatter[a, b];
                }
            }

            weights[c] = mass / n;
            means[c] = mean;
            covariances[c] = scatter;
        }

        return new GaussianMixture(Type, weights, means, covariances, Prior, Family);
    }

    /// <summary>log w_c + log N(x | μ_c, Σ_c) for every component.</summary>
    private void LogJoint(double[] x, double[] log)
    {
        var d = x.Length;
        Span<double> y = stackalloc double[d];
        for (var c = 0; c < K; c++)
        {
            var (lower, logDeterminant, _) = Factors[c];
            var mean = Means[c];
            double squared = 0;

            // Forward substitution L y = x - μ: the Mahalanobis distance is |y|².
            for (var a = 0; a < d; a++)
            {
                var v = x[a] - mean[a];
                for (var b = 0; b < a; b++)
                {
                    v -= lower[a, b] * y[b];
                }

                y[a] = v / lower[a, a];
                squared += y[a] * y[a];
            }

            log[c] = Math.Log(Weights[c]) - (0.5 * ((d * Log2Pi) + logDeterminant + squared));
        }
    }

    private double LogPrior() => Factors.Sum(f => -0.5 * Prior * f.InverseTrace);

    private static (double[,] Lower, double LogDeterminant, double InverseTrace) Factor(double[,] covariance)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(covariance);
        var cholesky = matrix.Cholesky();
        var lower = cholesky.Factor.ToArray();
        var inverseTrace = cholesky.Solve(Matrix<double>.Build.DenseIdentity(matrix.RowCount)).Trace();
        return (lower, cholesky.DeterminantLn, inverseTrace);
    }

    /// <summary>k-means++ seeding: each next mean is a row drawn with probability proportional to its squared distance to the nearest chosen one.</summary>
    private static double[][] SeedMeans(double[][] points, int k, ulong seed)
    {
        var rng = Xoshiro256.For(seed, 0x6A4D);
        var means = new List<double[]> { (double[])points[rng.NextInt(points.Length)].Clone() };
        var nearest = points.Select(p => Distances.Squared(p, means[0])).ToArray();
        while (means.Count < k)
        {
            var total = nearest.Sum();
            var pick = 0;
            if (total > 0)
            {
                var target = rng.NextDouble() * total;
                for (double running = 0; pick < points.Length - 1; pick++)
                {
                    running += nearest[pick];
                    if (running >= target)
                    {
                        break;
                    }
                }
            }
            else
            {
                pick = rng.NextInt(points.Length);
            }

            means.Add((double[])points[pick].Clone());
            for (var i = 0; i < points.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distances.Squared(points[i], means[^1]));
            }
        }

        return [.. means];
    }
}
