using EAmazing.Api.Dashboard.Data;
using EAmazing.Models.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>One version's model card (what <c>eamazing models show</c> prints), compared with the champion; admins may promote it.</summary>
public sealed class VersionModel(DashboardData data) : PageModel
{
    public ModelCard? Card { get; private set; }

    public ModelCard? Champion { get; private set; }

    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(string name, int version)
    {
        var models = await data.ModelsAsync();
        Card = models.Card(name, version);
        if (Card is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Champion = models.Models.SelectMany(m => m.Registered).First(r => r.Name == name).Champion;
        return Page();
    }
}
