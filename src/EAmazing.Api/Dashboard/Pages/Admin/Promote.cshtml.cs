using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.BusinessModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages.Admin;

/// <summary>Promotion from the dashboard (admins only, anti-forgery checked): the same gates and audit entry as the API's promote.</summary>
public sealed class PromoteModel(ChampionModels champions, BusinessModelCatalog catalog, AuditLog audit) : PageModel
{
    [TempData]
    public string? Outcome { get; set; }

    public IActionResult OnGet() => LocalRedirect("/models");

    public IActionResult OnPost(string name, int version)
    {
        if (champions.Registry.Versions(name).All(c => c.Version != version))
        {
            return NotFound();
        }

        var evaluator = catalog.OwnerOf(name)?.Evaluator;
        var decision = champions.Registry.Promote(name, version, force: false, evaluator is null ? null : evaluator.Evaluate);
        if (decision.Allowed)
        {
            champions.Reload(name);
        }

        audit.Append(new AuditEntry(User.Identity?.Name, $"promote {name} v{version} (dashboard)",
            decision.Allowed ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, Target: $"model {name} v{version}"));
        Outcome = decision.Allowed ? $"v{version} is now champion." : "Not promoted: " + string.Join("; ", decision.Reasons);
        return LocalRedirect($"/versions/{Uri.EscapeDataString(name)}/{version}");
    }
}
