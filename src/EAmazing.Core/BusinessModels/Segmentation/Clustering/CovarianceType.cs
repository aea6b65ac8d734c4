namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>The shape of each mixture component: axis-aligned (d variances) or full (d(d+1)/2 parameters).</summary>
public enum CovarianceType
{
    Diagonal,
    Full,
}
