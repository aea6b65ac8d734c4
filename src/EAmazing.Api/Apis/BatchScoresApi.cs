using EAmazing.Api.Configuration;
using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.BusinessModels;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Api.Apis;

public static class BatchScoresApi
{
    /// <summary>
    /// One <c>GET /v1/NAME/{user_id}</c> per business model of the catalog with a batch scorer (e.g. a customer's
    /// segment): reader role; the raw id is pseudonymised at the boundary and never logged; every read is audited.
    /// </summary>
    public static IEndpointRouteBuilder MapBatchScoresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Batch scores").RequireAuthorization(ApiRoles.ReaderPolicy);
        var catalog = app.ServiceProvider.GetRequiredService<BusinessModelCatalog>();
        foreach (var owner in catalog.All)
        {
            if (owner.BatchScorer is not { } scorer)
            {
                continue;
            }

            api.MapGet($"/{scorer.Name}/{{userId:long}}", (long userId, HttpContext context, ServingGovernance governance, ILakeEngines engines, ServingPaths paths, AuditLog audit) =>
                {
                    var pseudonym = governance.Pseudonym(userId);
                    if (governance.IsErased(pseudonym))
                    {
                        return OnlineScoringPipeline.ErasedProblem;
                    }

                    using var scratch = engines.OpenScratch();
                    var row = scorer.Lookup(scratch, LakeLayout.At(paths.Lake), pseudonym);
                    var status = row is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
                    audit.Append(new AuditEntry(context.User.Identity?.Name, $"read {scorer.Table.ViewName}", status, SubjectPseudonym: pseudonym));
                    return row is null
                        ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"no row in {scorer.Table.ViewName} for this user (run ./eamazing score {scorer.Name})")
                        : Results.Ok(row);
                })
                .WithName($"Get{string.Concat(scorer.Name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}")
                .WithSummary($"A user's latest row of {scorer.Table.ViewName} ({scorer.Description})")
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status451UnavailableForLegalReasons);
        }

        return app;
    }
}
