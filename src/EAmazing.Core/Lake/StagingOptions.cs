namespace EAmazing.Lake;

/// <summary>What the engine needs to stage one input file: its memory cap and the silver bucket size (from the ingest settings).</summary>
/// <param name="EngineMemoryLimit">Memory the engine may use while staging and sorting; it spills to disk beyond.</param>
/// <param name="SilverBucketRows">About how many rows one silver bucket of users holds.</param>
public sealed record StagingOptions(string EngineMemoryLimit, long SilverBucketRows);
