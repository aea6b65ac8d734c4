using EAmazing.BusinessModels;
using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.Models.Registry;

namespace EAmazing.Api.Apis;

public static class ModelsApi
{
    /// <summary>Body of a promotion: the version to make champion; <c>force</c> skips failed gates.</summary>
    public sealed record PromoteRequest(int? Version, bool Force = false);

    public sealed record ModelSummary(string Name, int? Champion, IReadOnlyList<VersionSummary> Versions);

    public sealed record VersionSummary(int Version, string Family, string Status, string PrimaryMetric, double? TestPrimary, double? Threshold, DateTime CreatedAt, bool RetrainDue);

    public sealed record PromotionResponse(string Name, int Version, bool Promoted, IReadOnlyList<string> Reasons, int? Serving);

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/models").WithTags("Models");

        api.MapGet("", (ChampionModels champions) =>
                TypedResults.Ok(champions.Registry.Names().Select(n => Summary(champions.Registry, n)).ToList()))
            .WithName("ListModels")
            .WithSummary("Every registered model with its versions and champion")
            .RequireAuthorization(ApiRoles.ReaderPolicy);

        api.MapGet("/{name}", (string name, ChampionModels champions) =>
            {
                var versions = Versions(champions.Registry, name);
                return versions is null ? NotFound(name) : Results.Ok(versions);
            })
            .WithName("GetModel")
            .WithSummary("Every version's model card of one model")
            .Produces<IReadOnlyList<ModelCard>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiRoles.ReaderPolicy);

        api.MapPost("/{name}/promote", (string name, PromoteRequest? request, ChampionModels champions, RecommenderChampion recommender, BusinessModelCatalog catalog, AuditLog audit, HttpContext context) =>
            {
                if (request?.Version is not { } version)
                {
                    return new RequestProblem("version", "required, the version number to promote").ToResult();
                }

                var versions = Versions(champions.Registry, name);
                if (versions is null || versions.All(c => c.Version != version))
                {
                    return NotFound(name, version);
                }

                // The owning business model's evaluator holds its kind's gates.
                var evaluator = catalog.OwnerOf(name)?.Evaluator;
                var decision = champions.Registry.Promote(name, version, request.Force, evaluator is null ? null : evaluator.Evaluate);
                if (decision.Allowed)
                {
                    // Swap now rather than at the next registry poll.
                    if (name == NextItemServing.RegistryName)
                    {
                        recommender.Reload();
                    }
                    else
                    {
                        champions.Reload(name);
                    }
                }

                audit.Append(new AuditEntry(context.User.Identity?.Name, $"promote {name} v{version}" + (request.Force ? " (forced)" : ""),
                    decision.Allowed ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, Target: $"model {name} v{version}"));
                var response = new PromotionResponse(name, version, decision.Allowed, decision.Reasons, name == NextItemServing.RegistryName ? recommender.Current?.Card.Version : champions.Get(name)?.Version);
                return decision.Allowed ? Results.Ok(response) : Results.Conflict(response);
            })
            .WithName("PromoteModel")
            .WithSummary("Make a version champion if it passes the gates; the server swaps to it without a restart")
            .Produces<PromotionResponse>()
            .Produces<PromotionResponse>(StatusCodes.Status409Conflict)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiRoles.AdminPolicy);

        return app;
    }

    private static IReadOnlyList<ModelCard>? Versions(ModelRegistry registry, string name) =>
        registry.Names().Contains(name) ? registry.Versions(name) : null;

    private static ModelSummary Summary(ModelRegistry registry, string name)
    {
        var versions = registry.Versions(name);
        return new ModelSummary(name, versions.FirstOrDefault(c => c.Status == ModelStatus.Champion)?.Version,
            versions.Select(c => new VersionSummary(c.Version, c.Family, c.Status.ToString().ToLowerInvariant(), c.PrimaryMetric, c.Primary?.Value.Estimate, c.Metrics?.Threshold, c.CreatedAt, c.RetrainReasons.Count > 0)).ToList());
    }

    private static IResult NotFound(string name, int? version = null) =>
        Results.Problem(title: "model not found", statusCode: StatusCodes.Status404NotFound,
            detail: version is null ? $"no model named '{name}' in the registry" : $"model '{name}' has no version {version}");
}
