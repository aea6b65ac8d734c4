namespace EAmazing.BusinessModels.Segmentation.Scoring;

/// <summary>A person's segment as the API answers it (no id: the caller knows whom they asked about).</summary>
public sealed record SegmentOfUser(DateTime AsOf, int SegmentId, string SegmentName, int ModelVersion);
