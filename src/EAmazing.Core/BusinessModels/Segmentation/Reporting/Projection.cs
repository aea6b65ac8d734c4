using MathNet.Numerics.LinearAlgebra;

namespace EAmazing.BusinessModels.Segmentation.Reporting;

/// <summary>A 2-D view of standardised rows: their first two principal components (MathNet's eigen-decomposition).</summary>
public static class Projection
{
    /// <summary>The two leading principal directions (d × 2), fitted on <paramref name="points"/>.</summary>
    public static double[][] TwoDimensions(double[][] points)
    {
        var d = points.Length == 0 ? 0 : points[0].Length;
        if (points.Length < 2 || d < 2)
        {
            return [];
        }

        var matrix = Matrix<double>.Build.DenseOfRowArrays(points);
        var centred = matrix - Matrix<double>.Build.Dense(points.Length, d, (_, j) => matrix.Column(j).Average());
        var covariance = centred.TransposeThisAndMultiply(centred) / (points.Length - 1);
        var eigen = covariance.Evd(Symmetricity.Symmetric);

        // Eigenvalues come in ascending order: the last two columns are the leading directions.
        return [.. Enumerable.Range(0, d).Select(j => new[] { eigen.EigenVectors[j, d - 1], eigen.EigenVectors[j, d - 2] })];
    }

    public static (double X, double Y) Apply(double[] point, double[][] directions)
    {
        double x = 0, y = 0;
        for (var j = 0; j < point.Length; j++)
        {
            x += point[j] * directions[j][0];
            y += point[j] * directions[j][1];
        }

        return (x, y);
    }
}
