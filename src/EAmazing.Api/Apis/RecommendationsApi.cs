using System.Text.Json;
using EAmazing.Api.Configuration;
using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.Monitoring.Predictions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Apis;

public static class RecommendationsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, MaxDepth = 8 };

    /// <summary>
    /// <c>POST /v1/recommendations</c>: the next items for a session, from the next-item champion (reader role). The raw user
    /// id is pseudonymised on arrival (451 for an erased user) and never stored; each answer is recorded pseudonymously and
    /// audited. ProblemDetails: 400 naming the field, 503 while no champion can be served.
    /// </summary>
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/recommendations", RecommendAsync)
            .WithTags("Recommendations")
            .RequireAuthorization(ApiRoles.ReaderPolicy)
            .WithName("RecommendNextItems")
            .WithSummary("The next items for a session, best first, from the next-item champion")
            .WithDescription("Send the session's events so far (product_id, optionally type and time), optionally the raw user_id (pseudonymised on arrival, never stored), "
                + $"n (1 to {NextItemRequestValidator.MaxCount}, default {NextItemRequestValidator.DefaultCount}), exclude_seen and category_ids. "
                + "When no product of the session is known to the model, the most popular items come back with popular_fallback true and the reason.")
            .Accepts<NextItemRequest>("application/json")
            .Produces<NextItemResponse>()
            .ProducesScoringProblems();
        return app;
    }

    private static async Task<IResult> RecommendAsync(
        HttpContext context, OnlineScoringPipeline pipeline, RecommenderChampion champion, ServingGovernance governance, PredictionRecorder recorder, AuditLog audit,
        IOptions<ServingOptions> options)
    {
        var body = await pipeline.ReadBodyAsync(context);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        NextItemRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<NextItemRequest>(body.Bytes.Span, Json);
        }
        catch (JsonException e)
        {
            // The parser's message names .NET types; say what the field takes instead.
            var field = FieldOf(e.Path);
            return new RequestProblem(field, field switch
            {
                "user_id" or "n" or "body" => field == "body" ? "not a JSON object" : "not valid JSON for this field: a whole number",
                _ when field.EndsWith("product_id", StringComparison.Ordinal) || field.StartsWith("category_ids", StringComparison.Ordinal) => "not valid JSON for this field: a positive whole number",
                _ when field.EndsWith(".time", StringComparison.Ordinal) => "not valid JSON for this field: an ISO 8601 time, e.g. 2019-11-20T10:15:00Z",
                _ => "not valid JSON for this field",
            }).ToResult();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            return new RequestProblem("body", "not a valid request document").ToResult();
        }

        if (request is null)
        {
            return new RequestProblem("body", "a JSON object is required").ToResult();
        }

        if (NextItemRequestValidator.Validate(request, options.Value.MaxSessionEvents, out var query) is { } problem)
        {
            return problem.ToResult();
        }

        if (champion.Current is not { } served)
        {
            return Results.Problem(title: "model not loaded", detail: champion.Unavailable, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var pseudonym = request.UserId is { } userId ? governance.Pseudonym(userId) : null;
        if (pseudonym is not null && governance.IsErased(pseudonym))
        {
            return OnlineScoringPipeline.ErasedProblem;
        }

        var keyId = governance.Key.KeyId;
        var list = served.Model.Recommend(query!);
        var card = served.Card;
        // The predictions log holds the top item's score (the method's scale) and whether the session was known (not a fallback).
        recorder.Record(new PredictionRecord(DateTime.UtcNow, card.Name, card.Version, pseudonym, list.Items.Count > 0 ? list.Items[0].Score : 0, !list.PopularFallback), request.UserId, keyId);
        audit.Append(new AuditEntry(context.User.Identity?.Name, "recommend " + card.Name, StatusCodes.Status200OK,
            SubjectPseudonym: pseudonym, Target: pseudonym is null ? $"model {card.Name} v{card.Version}" : null));
        return Results.Ok(new NextItemResponse(card.Name, card.Version, served.Model.Method, list.Items, list.KnownEvents, list.PopularFallback, list.Reason, list.Candidates));
    }

    /// <summary>System.Text.Json paths ("$.session[3].product_id") become field names ("session[3].product_id").</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
