using EAmazing.Api.Dashboard.Data;
using EAmazing.Governance.Register;
using EAmazing.Privacy.Purposes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>For the DPO, in counts only: the register (purposes and the lake's tables), the audit trail's status, erasures, retention runs.</summary>
public sealed class PrivacyModel(DashboardData data) : PageModel
{
    public LakeSnapshot Lake { get; private set; } = null!;

    public AuditSnapshot Audit { get; private set; } = null!;

    public IReadOnlyList<ProcessingPurpose> Purposes { get; } = RegisteredPurposes.Of(data.Catalog);

    public int MinGroupSize => data.MinGroupSize;

    public async Task OnGetAsync()
    {
        Lake = await data.LakeAsync();
        Audit = await data.AuditAsync();
    }
}
