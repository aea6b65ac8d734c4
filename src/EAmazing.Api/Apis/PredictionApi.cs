using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.BusinessModels;

namespace EAmazing.Api.Apis;

public static class PredictionApi
{
    /// <summary>
    /// One <c>POST /v1{route}</c> per business model of the catalog that is served online, all through the same
    /// pipeline: a new model's endpoint needs its scorer and its catalog line, no change here.
    /// </summary>
    public static IEndpointRouteBuilder MapPredictionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Predictions").RequireAuthorization(ApiRoles.ReaderPolicy);
        var catalog = app.ServiceProvider.GetRequiredService<BusinessModelCatalog>();
        foreach (var owner in catalog.All)
        {
            if (owner.Scorer is not { } scorer)
            {
                continue;
            }

            var endpoint = scorer.Endpoint;
            api.MapPost(endpoint.Route, (HttpContext context, OnlineScoringPipeline pipeline) => pipeline.ScoreAsync(context, owner, scorer))
                .WithName(endpoint.OperationName)
                .WithSummary(endpoint.Summary)
                .WithDescription(endpoint.Description)
                .Accepts(endpoint.RequestType, "application/json")
                .Produces(StatusCodes.Status200OK, endpoint.ResponseType)
                .ProducesScoringProblems();
        }

        return app;
    }
}
