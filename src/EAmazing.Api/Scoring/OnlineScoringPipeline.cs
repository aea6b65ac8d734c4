using System.Buffers;
using EAmazing.Api.Configuration;
using EAmazing.Api.Monitoring;
using EAmazing.Api.Security;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// One prediction from request body to response, for every business model served online: bounded read, parse and
/// validate through the model's scorer, pseudonymise the user at the boundary, compute features, score with the
/// current champion, then record, audit and count it. The scorer knows the request; this knows HTTP and the server.
/// </summary>
public sealed class OnlineScoringPipeline(
    ChampionModels champions,
    IServingHistory history,
    ServingGovernance governance,
    PredictionRecorder recorder,
    AuditLog audit,
    ServingMetrics metrics,
    IOptions<ServingOptions> options)
{
    /// <summary>Scores a request to <paramref name="owner"/>'s endpoint with one of its own champions.</summary>
    public async Task<IResult> ScoreAsync(HttpContext context, IBusinessModel owner, IOnlineScorer scorer)
    {
        var body = await ReadBodyAsync(context);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (!scorer.TryParse(body.Bytes.Span, out var request, out var parseProblem))
        {
            return parseProblem.ToResult();
        }

        var name = request.Model ?? scorer.DefaultModel;
        // An endpoint scores its own business model's champions only: another model's card would not fit its features.
        var servedHere = owner.RegistryNames.Contains(name) && champions.Names.Contains(name);
        var model = servedHere ? champions.Get(name) : null;
        if (model is null)
        {
            return servedHere
                ? Results.Problem(title: "model not loaded", detail: $"no champion of {name} is loaded yet", statusCode: StatusCodes.Status503ServiceUnavailable)
                : new RequestProblem("model", $"unknown model; served: {string.Join(", ", champions.Names.Where(owner.RegistryNames.Contains))}").ToResult();
        }

        if (request.Validate(model.Card, new OnlineLimits(options.Value.MaxSessionEvents)) is { } problem)
        {
            return problem.ToResult();
        }

        var keyId = governance.Key.KeyId;
        var pseudonym = request.UserId is { } userId ? governance.Pseudonym(userId) : null;
        if (pseudonym is not null && governance.IsErased(pseudonym))
        {
            // Erased: nothing about this person is processed any more, scored, logged or audited under their pseudonym.
            return ErasedProblem;
        }

        var computed = request.Features(pseudonym, history);
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
        recorder.Record(new PredictionRecord(now, model.Name, model.Version, pseudonym, probability, decision), request.UserId, keyId);
        metrics.ObservePrediction(model.Name, model.Version, probability);
        if (pseudonym is not null)
        {
            audit.Append(new AuditEntry(context.User.Identity?.Name, "predict " + model.Name, StatusCodes.Status200OK, SubjectPseudonym: pseudonym));
        }

        return Results.Ok(request.Respond(new OnlineScore(model.Card, probability, decision, missing)));
    }

    /// <summary>The request body, read up to the configured limit: its bytes, or the 413/400 to answer.</summary>
    public async Task<(ReadOnlyMemory<byte> Bytes, IResult? Problem)> ReadBodyAsync(HttpContext context)
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
        catch (Exception e) when (e is BadHttpRequestException || (e is IOException && !context.RequestAborted.IsCancellationRequested))
        {
            // Broken framing (a chunk size that is not hex, too long: Kestrel's IOException "Bad chunk size data",
            // a missing CRLF) is the client's mistake: 400, never 500.
            return (default, new RequestProblem("body", $"the request body is malformed: {e.Message}").ToResult());
        }

        if (buffer.WrittenCount == 0)
        {
            return (default, new RequestProblem("body", "a JSON object is required").ToResult());
        }

        return (buffer.WrittenMemory, null);
    }

    /// <summary>451 Unavailable For Legal Reasons (RFC 7725): the user exercised the right to erasure.</summary>
    public static IResult ErasedProblem { get; } = Results.Problem(
        title: "user erased", detail: "this user's data was erased at their request (GDPR art. 17): the platform no longer processes it",
        statusCode: StatusCodes.Status451UnavailableForLegalReasons, extensions: new Dictionary<string, object?> { ["field"] = "user_id" });

    private static IResult TooLarge(long limit) =>
        Results.Problem(title: "request too large", detail: $"the body may hold at most {limit:N0} bytes",
            statusCode: StatusCodes.Status413PayloadTooLarge, extensions: new Dictionary<string, object?> { ["field"] = "body" });
}
