using System.Globalization;
using System.Net;
using System.Text.Json;
using EAmazing.Api.Security;
using EAmazing.Api.Tests.Support;
using EAmazing.BusinessModels.Segmentation.Scoring;
using EAmazing.Engine.DuckDb;
using EAmazing.Governance.Audit;
using EAmazing.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace EAmazing.Api.Tests.Apis;

/// <summary><c>GET /v1/segments/{user_id}</c>: a customer's segment from gold.customer_segments, for readers, pseudonymised at the boundary, audited.</summary>
[Collection(ServingCollection.Name)]
public sealed class SegmentsApiTests(ServingWorld world)
{
    private const long User = 987_654_321;

    [Fact]
    public async Task A_reader_gets_a_users_latest_segment_the_id_never_reaches_the_audit_and_an_unknown_user_is_404()
    {
        var pseudonym = new Pseudonymiser(world.Key).User(User);
        using (var lake = DuckDbLake.Open(world.Lake))
        {
            SegmentAssignments.Write(lake, new DateTime(2019, 11, 18, 0, 0, 0, DateTimeKind.Utc), [pseudonym], [4], ["browsers"], 1);
            SegmentAssignments.Write(lake, new DateTime(2019, 11, 25, 0, 0, 0, DateTimeKind.Utc), [pseudonym], [2], ["loyal buyers"], 2);
        }

        using var factory = new ServingFactory(world);
        var found = await factory.Reader().GetAsync($"/v1/segments/{User}");
        var unknown = await factory.Reader().GetAsync("/v1/segments/12345");
        var anonymous = await factory.CreateClient().GetAsync($"/v1/segments/{User}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("segment_id").GetInt32());
        Assert.Equal("loyal buyers", body.RootElement.GetProperty("segment_name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("12345", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var auditLog = factory.Services.GetRequiredService<AuditLog>();
        Assert.True(auditLog.Flush());
        Assert.Contains(new AuditTrail(auditLog.Path).Read(), e => e.Target == SubjectDigest.Of(pseudonym) && e.Action == "read gold_customer_segments");
        var audit = await File.ReadAllTextAsync(auditLog.Path);
        Assert.DoesNotContain(User.ToString(CultureInfo.InvariantCulture), audit, StringComparison.Ordinal);
        Assert.DoesNotContain(pseudonym, audit, StringComparison.Ordinal);
    }
}
