using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.PurchaseIntent.Serving;

/// <summary>
/// <c>POST /v1/purchase-intent</c>: a cart context (raw user id, cart event, session so far, or a features object)
/// scored by the cart task's champion. Features are computed as the gold table defines them; given ones override.
/// </summary>
public sealed class PurchaseIntentScorer : OnlineScorer<PurchaseIntentRequest>
{
    public override OnlineEndpoint Endpoint { get; } = new(
        Route: "/purchase-intent",
        OperationName: "PredictPurchaseIntent",
        Summary: "Probability that a cart ends in a purchase, with the decision at the champion's business threshold",
        Description: "Send the raw user_id, the cart event and the session's events so far (features computed as the gold table defines them, history from the lake), or a 'features' object, or both. The user id is pseudonymised on arrival and never stored.",
        RequestType: typeof(PurchaseIntentRequest),
        ResponseType: typeof(PurchaseIntentResponse),
        Example: """
            {"user_id": 512386086, "cart": {"time": "2019-11-20T10:15:00Z", "product_id": 1004856, "category_id": 2053013555631882655, "price": 130.76},
             "session": [{"time": "2019-11-20T10:10:00Z", "type": "view", "product_id": 1004856, "category_id": 2053013555631882655, "price": 130.76}]}
            """);

    public override string DefaultModel => PurchaseIntentTask.Cart.ModelName;

    protected override string? ModelOf(PurchaseIntentRequest request) => request.Model;

    protected override long? UserIdOf(PurchaseIntentRequest request) => request.UserId;

    protected override RequestProblem? Validate(PurchaseIntentRequest request, ModelCard card, OnlineLimits limits) =>
        PurchaseIntentValidator.Validate(request, card, limits.MaxEvents);

    protected override IReadOnlyDictionary<string, double> Features(PurchaseIntentRequest request, string? userPseudonym, IServingHistory history)
    {
        var computed = request.Cart is null ? [] : CartFeatures.Compute(request.Cart, request.Session ?? [], userPseudonym, history);
        if (request.Features is not null)
        {
            foreach (var (feature, value) in request.Features)
            {
                computed[feature] = value;
            }
        }

        return computed;
    }

    protected override object Respond(PurchaseIntentRequest request, OnlineScore score) =>
        new PurchaseIntentResponse(score.Card.Name, score.Card.Version, score.Probability, score.Card.Threshold, score.Decision, score.MissingFeatures);
}
