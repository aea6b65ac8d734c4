using EAmazing.Models.Evaluation;

namespace EAmazing.Models.Reporting;

/// <summary>What the report says about the model it describes: which version, when, from which seed and code, at which business value and cost.</summary>
public sealed record LabReportHeader(
    string Name,
    int Version,
    DateTime CreatedAt,
    ulong Seed,
    string CodeVersion,
    BusinessCost Cost,
    int TrialsPerFamily,
    string? NotReproducible);
