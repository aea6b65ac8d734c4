using System.Buffers;
using System.Text.Json;
using EAmazing.Api.Configuration;
using EAmazing.Api.Monitoring;
using EAmazing.Api.Security;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// One prediction from request body to response: bounded read, parse, validate, pseudonymise the user at the
/// boundary, compute features, score with the current champion, then record, audit and count it.
/// </summary>
public sealed class PurchaseIntentScorer(
    ChampionModels champions,
    LakeHistory history,
    PseudonymKey key,
    PredictionRecorder recorder,
    AuditLog audit,
    ServingMetrics metrics,
    IOptions<ServingOptions> options)
{
    public const string DefaultModel = ServingOptions.DefaultModel;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        MaxDepth = 16,
    };

    // HMAC instances are not thread-safe; a pseudonymiser per thread keeps the hot path lock-free.
    private readonly ThreadLocal<Pseudonymiser> _pseudonymiser = new(() => new Pseudonymiser(key));

    public async Task<IResult> ScoreAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        PurchaseIntentRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<PurchaseIntentRequest>(body.Bytes.Span, Json);
        }
        catch (JsonException e)
        {
            return new RequestProblem(FieldOf(e.Path), "not valid JSON for this field: " + Describe(e)).ToResult();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            return new RequestProblem("body", "not a valid request document").ToResult();
        }

        if (request is null)
        {
            return new RequestProblem("body", "a JSON object is required").ToResult();
        }

        var name = request.Model ?? DefaultModel;
        var model = champions.Get(name);
        if (model is null)
        {
            return champions.Names.Contains(name)
                ? Results.Problem(title: "model not loaded", detail: $"no champion of {name} is loaded yet", statusCode: StatusCodes.Status503ServiceUnavailable)
                : new RequestProblem("model", $"unknown model; served: {string.Join(", ", champions.Names)}").ToResult();
        }

        if (PurchaseIntentValidator.Validate(request, model, options.Value.MaxSessionEvents) is { } problem)
        {
            return problem.ToResult();
        }

        var pseudonym = request.UserId is { } userId ? _pseudonymiser.Value!.User(userId) : null;
        var computed = request.Cart is null ? [] : CartFeatures.Compute(request.Cart, request.Session ?? [], pseudonym, history);
        if (request.Features is not null)
        {
            foreach (var (feature, value) in request.Features)
            {
                computed[feature] = value;
            }
        }

        var row = new float[model.Card.Features.Count];
        var missing = new List<string>();
        for (var i = 0; i < row.Length; i++)
        {
            var feature = model.Card.Features[i];
            row[i] = computed.TryGetValue(feature, out var v) ? (float)v : float.NaN;
            if (float.IsNaN(row[i]))
            {
                missing.Add(feature);
            }
        }

        var probability = model.Score(row);
        var decision = probability >= model.Threshold;
        var now = DateTime.UtcNow;
        recorder.Record(new PredictionRecord(now, model.Name, model.Version, pseudonym, probability, decision));
        metrics.ObservePrediction(model.Name, model.Version, probability);
        if (pseudonym is not null)
        {
            audit.Append(new AuditEntry(context.User.Identity?.Name, "predict " + model.Name, StatusCodes.Status200OK, SubjectPseudonym: pseudonym));
        }

        return Results.Ok(new PurchaseIntentResponse(model.Name, model.Version, probability, model.Threshold, decision, missing));
    }

    private async Task<(ReadOnlyMemory<byte> Bytes, IResult? Problem)> ReadBodyAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            return (default, TooLarge(limit));
        }

        // Kestrel enforces the limit too; reading at most limit + 1 bytes makes it hold in every host (tests included).
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(8192);
                var read = await context.Request.Body.ReadAsync(memory, context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return (default, TooLarge(limit));
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(limit));
        }

        if (buffer.WrittenCount == 0)
        {
            return (default, new RequestProblem("body", "a JSON object is required").ToResult());
        }

        return (buffer.WrittenMemory, null);
    }

    private static IResult TooLarge(long limit) =>
        Results.Problem(title: "request too large", detail: $"the body may hold at most {limit:N0} bytes",
            statusCode: StatusCodes.Status413PayloadTooLarge, extensions: new Dictionary<string, object?> { ["field"] = "body" });

    /// <summary>System.Text.Json paths ("$.session[3].price") become field names ("session[3].price").</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException e)
    {
        // The message can quote the offending text; keep only the parser's first sentence, bounded.
        var message = e.Message.Split(". Path:", 2)[0];
        return message.Length <= 200 ? message : message[..200];
    }
}
