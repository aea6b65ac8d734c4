using EAmazing.Api.Configuration;
using EAmazing.Api.Security;
using EAmazing.BusinessModels;
using EAmazing.Lake;

namespace EAmazing.Api.Apis;

public static class DetectionsApi
{
    public const int MaxLimit = 500;

    /// <summary>
    /// One <c>GET /v1/detections/SUBJECT?limit=N</c> per detection model of the catalog (<c>emerging</c>: the flagged
    /// categories and launches of the latest <c>eamazing detect emerging</c>, best first): reader role. Aggregates per
    /// category, no person's data; every read is audited.
    /// </summary>
    public static IEndpointRouteBuilder MapDetectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/detections").WithTags("Detections").RequireAuthorization(ApiRoles.ReaderPolicy);
        var catalog = app.ServiceProvider.GetRequiredService<BusinessModelCatalog>();
        foreach (var writer in catalog.All.Select(m => m.DetectionWriter).OfType<EAmazing.Models.Business.IDetectionWriter>())
        {
            api.MapGet($"/{writer.Subject}", (int? limit, HttpContext context, ILakeEngines engines, ServingPaths paths, AuditLog audit) =>
                {
                    if (limit is < 1 or > MaxLimit)
                    {
                        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"limit must be 1 to {MaxLimit}");
                    }

                    using var scratch = engines.OpenScratch();
                    var list = writer.Latest(scratch, LakeLayout.At(paths.Lake), limit ?? 50);
                    audit.Append(new AuditEntry(context.User.Identity?.Name, $"read {writer.Table.ViewName}", list.Rows.Count == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status200OK));
                    return list.Rows.Count == 0
                        ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"nothing flagged in {writer.Table.ViewName} (run ./eamazing detect {writer.Subject})")
                        : Results.Ok(list.Rows.Select(r => list.Header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList());
                })
                .WithName($"Get{char.ToUpperInvariant(writer.Subject[0])}{writer.Subject[1..]}Detections")
                .WithSummary($"The flagged rows of the latest {writer.Table.ViewName}, best first")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        return app;
    }
}
