using EAmazing.Api.Dashboard.Data;
using EAmazing.Lake;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>The lake at a glance: months, rows per layer, freshness, gold tables, row accounting per file, quarantine reasons, last runs, alerts.</summary>
public sealed class IndexModel(DashboardData data) : PageModel
{
    public LakeSnapshot Lake { get; private set; } = null!;

    public ModelsSnapshot Models { get; private set; } = null!;

    public AuditSnapshot Audit { get; private set; } = null!;

    public IReadOnlyList<string> Alerts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Lake = await data.LakeAsync();
        Models = await data.ModelsAsync();
        Audit = await data.AuditAsync();
        var alerts = new List<string>();
        alerts.AddRange(Lake.Status?.Files.Where(f => f.Status is IngestStatus.Failed or IngestStatus.Incomplete or IngestStatus.Rejected)
            .Select(f => $"ingest {f.Status.ToString().ToLowerInvariant()}: {Path.GetFileName(f.Path)}{(f.Problem is null ? "" : " (" + f.Problem + ")")}") ?? []);
        alerts.AddRange(Models.RetrainDue.Select(c => $"retrain due: {c.Name} v{c.Version} ({string.Join("; ", c.RetrainReasons)})"));
        alerts.AddRange(Models.Models.SelectMany(m => m.Registered).Select(r => r.Champion).OfType<EAmazing.Models.Registry.ModelCard>()
            .Where(c => !c.LeakageAudit.Passed).Select(c => $"leakage audit failed: {c.Name} v{c.Version}"));
        if (!Audit.Verification.Intact)
        {
            alerts.Add($"audit trail broken: {Audit.Verification.Problem}");
        }

        Alerts = alerts;
    }
}
