using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>
/// k-means (ML.NET's trainer, k-means++ initialisation, one thread so a seed gives the same centroids). One start can
/// stop in a poor local optimum (measured: two of four well-separated blobs merged, a third split), so it is fitted from
/// <see cref="Starts"/> seeds and the centroids with the least within-segment sum of squares are kept, as scikit-learn's n_init does.
/// </summary>
public sealed class KMeansFamily(int starts = 4) : IClusteringFamily
{
    public const string FamilyName = "kmeans";

    public int Starts { get; } = starts;

    public string Name => FamilyName;

    public bool IsBaseline => false;

    public FittedClustering Fit(ClusteringData data, int k, ulong seed)
    {
        if (data.Count < k)
        {
            throw new ArgumentException($"k-means needs at least k = {k} rows, got {data.Count}");
        }

        return Enumerable.Range(0, Starts)
            .Select(start => FitOnce(data, k, Foundation.Randomness.StableHash.Mix(seed, 0x4B4D, (ulong)start)))
            .MinBy(model => WithinSumOfSquares(data.Points, model))!;
    }

    private static double WithinSumOfSquares(double[][] points, CentroidClustering model) =>
        points.Sum(p => Distances.Squared(p, model.Centroids[Distances.Nearest(p, model.Centroids)]));

    private CentroidClustering FitOnce(ClusteringData data, int k, ulong seed)
    {
        var ml = new MLContext(seed: (int)(seed % int.MaxValue));
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Dimension);
        var view = ml.Data.LoadFromEnumerable(data.Points.Select(p => new Row { Features = p.Select(v => (float)v).ToArray() }), schema);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 200,
        });
        var model = trainer.Fit(view);
        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out var count);
        return new CentroidClustering(Name, centroids.Take(count).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray());
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
