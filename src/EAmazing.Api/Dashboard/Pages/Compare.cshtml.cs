using EAmazing.Api.Dashboard.Data;
using EAmazing.Models.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>
/// Two versions of one registry name side by side (like a run comparison in MLflow): every test metric of each card with
/// its interval, the difference and whether the intervals overlap, then baselines, oracle, data window, settings and audit.
/// Without a choice, the champion (or the newest version) against the version before it.
/// </summary>
public sealed class CompareModel(DashboardData data) : PageModel
{
    public RegistryVersions? Registry { get; private set; }

    public ModelCard? A { get; private set; }

    public ModelCard? B { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, int? a, int? b)
    {
        Registry = (await data.ModelsAsync()).Models.SelectMany(m => m.Registered).FirstOrDefault(r => r.Name == name);
        if (Registry is null || Registry.Versions.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var first = Registry.Champion ?? Registry.Newest.First();
        A = a is { } va ? Registry.Versions.FirstOrDefault(c => c.Version == va) : first;
        B = b is { } vb ? Registry.Versions.FirstOrDefault(c => c.Version == vb) : Registry.Newest.FirstOrDefault(c => c.Version != first.Version) ?? first;
        if (A is null || B is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The metric names of both cards, primary first, in card order.</summary>
    public IReadOnlyList<string> Metrics => [.. new[] { A!.PrimaryMetric }.Concat(A.Estimates.Select(e => e.Name)).Concat(B!.Estimates.Select(e => e.Name)).Distinct(StringComparer.Ordinal)];

}
