using EAmazing.Api.Scoring;
using EAmazing.Api.Security;

namespace EAmazing.Api.Apis;

public static class PredictionApi
{
    public static IEndpointRouteBuilder MapPredictionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Predictions").RequireAuthorization(ApiRoles.ReaderPolicy);

        api.MapPost("/purchase-intent", (HttpContext context, PurchaseIntentScorer scorer) => scorer.ScoreAsync(context))
            .WithName("PredictPurchaseIntent")
            .WithSummary("Probability that a cart ends in a purchase, with the decision at the champion's business threshold")
            .WithDescription("Send the raw user_id, the cart event and the session's events so far (features computed as the gold table defines them, history from the lake), or a 'features' object, or both. The user id is pseudonymised on arrival and never stored.")
            .Accepts<PurchaseIntentRequest>("application/json")
            .Produces<PurchaseIntentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }
}
