using EAmazing.Api.Dashboard.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>
/// One page per business model of the catalog: its card (champion, primary metric with interval beside baselines and
/// oracle, version history) and whatever sections the model itself contributes (<see cref="IBusinessModel.Insights"/>).
/// </summary>
public sealed class BusinessModelModel(DashboardData data) : PageModel
{
    public BusinessModelVersions? Model { get; private set; }

    public IReadOnlyList<InsightSection> Sections { get; private set; } = [];

    public int MinGroupSize => data.MinGroupSize;

    public async Task<IActionResult> OnGetAsync(string name)
    {
        Model = (await data.ModelsAsync()).Find(name);
        if (Model is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Sections = await data.InsightsAsync(Model.Model);
        return Page();
    }
}
