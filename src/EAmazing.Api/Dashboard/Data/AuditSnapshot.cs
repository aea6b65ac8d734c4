using EAmazing.Governance.Audit;

namespace EAmazing.Api.Dashboard.Data;

/// <summary>The audit trail in counts: whether its hash chain holds (as <c>gdpr audit verify</c>), and per action its runs and the last one.</summary>
public sealed record AuditSnapshot(string Path, AuditVerification Verification, IReadOnlyList<StepRuns> Steps)
{
    public static AuditSnapshot Read(AuditTrail trail)
    {
        var verification = trail.Verify();
        IReadOnlyList<AuditRecord> records;
        try
        {
            records = trail.Read();
        }
        catch (System.Text.Json.JsonException)
        {
            // A damaged trail still shows its verification; the counts need a readable one.
            records = [];
        }

        var steps = records.GroupBy(r => r.Action)
            .Select(g => new StepRuns(g.Key, g.Count(), g.Max(r => r.Time)))
            .OrderByDescending(s => s.Last).ToList();
        return new AuditSnapshot(trail.Path, verification, steps);
    }

    public StepRuns? Step(string action) => Steps.FirstOrDefault(s => s.Action == action);
}

/// <summary>How often an action was audited and when last.</summary>
public sealed record StepRuns(string Action, int Runs, DateTime Last);
