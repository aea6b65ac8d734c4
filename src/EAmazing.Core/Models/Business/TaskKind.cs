namespace EAmazing.Models.Business;

/// <summary>
/// What a business model predicts. The kind comes first and the families second (as in ML.NET's catalogs):
/// the kind decides the metrics, the baselines and the promotion gates.
/// </summary>
public enum TaskKind
{
    /// <summary>Will it happen? A probability per row (will this session buy, will this customer leave).</summary>
    BinaryClassification,

    /// <summary>Which items first? A ranked list over the full catalogue (next-item recommendation).</summary>
    Ranking,

    /// <summary>Which group? A segment per user (customer segmentation).</summary>
    Clustering,

    /// <summary>How much? A quantity with an interval per series and day (demand).</summary>
    Forecast,

    /// <summary>Is something new or unusual happening? Flags with a score (emerging categories).</summary>
    Detection,
}
