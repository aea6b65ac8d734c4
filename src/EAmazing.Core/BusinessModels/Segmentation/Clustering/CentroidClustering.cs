namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>Segments defined by centroids: a row belongs to the nearest one (k-means, and Ward once its sample is cut).</summary>
public sealed class CentroidClustering(string family, double[][] centroids) : FittedClustering(family, centroids.Length)
{
    public double[][] Centroids { get; } = centroids;

    public override int[] Assign(ClusteringData data) => data.Points.Select(p => Distances.Nearest(p, Centroids)).ToArray();
}
