using EAmazing.Lake;

namespace EAmazing.Ingestion;

/// <summary>A field-level problem found while validating one row.</summary>
public readonly record struct RowProblem(QuarantineReason Reason, string Field, string Message);
