using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Sources.Synthetic.Truth;

/// <summary>One planted trend or launch as <c>truth/emergences.json</c> records it (category_id is the lake's category_key).</summary>
public sealed record PlantedEmergence(
    EmergenceKind Kind,
    long CategoryId,
    string CategoryCode,
    string TopCategory,
    DateOnly OnsetDate,
    double MonthlyGrowth,
    int RampDays);
