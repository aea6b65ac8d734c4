namespace EAmazing.Models.Business;

/// <summary>
/// What a business model shows its users beyond its card (segment sizes and profiles, a value distribution, a campaign
/// curve): the dashboard renders each section on the model's page, so a model added later brings its own page content
/// without an edit of the dashboard. Every group in a section must already respect k-anonymity (<see cref="InsightContext.MinGroupSize"/>).
/// </summary>
public interface IModelInsights
{
    /// <summary>The sections to show, read off the catalog from the Parquet files (the server never locks the lake).</summary>
    IReadOnlyList<InsightSection> Read(InsightContext context);
}
