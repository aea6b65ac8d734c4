using EAmazing.Api.Dashboard.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>Every business model with its champion's primary metric (interval) beside baselines and oracle, and every run, filterable and sorted.</summary>
public sealed class ModelsModel(DashboardData data) : PageModel
{
    public ModelsSnapshot Models { get; private set; } = null!;

    /// <summary>Only runs of this registry name (empty: all).</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    public async Task OnGetAsync() => Models = await data.ModelsAsync();
}
