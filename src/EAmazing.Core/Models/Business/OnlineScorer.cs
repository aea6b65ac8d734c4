using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// An online scorer over a JSON request record: parsing with field-named problems is shared, the model's steps
/// (validate, compute features, respond) are typed. Requests are read in snake_case, as responses are written.
/// </summary>
public abstract class OnlineScorer<TRequest> : IOnlineScorer
    where TRequest : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        MaxDepth = 16,
    };

    public abstract OnlineEndpoint Endpoint { get; }

    public abstract string DefaultModel { get; }

    public bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out OnlineRequest? request, [NotNullWhen(false)] out RequestProblem? problem)
    {
        request = null;
        TRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<TRequest>(body, Json);
        }
        catch (JsonException e)
        {
            problem = new RequestProblem(FieldOf(e.Path), "not valid JSON for this field: " + Describe(e));
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            problem = new RequestProblem("body", "not a valid request document");
            return false;
        }

        if (parsed is null)
        {
            problem = new RequestProblem("body", "a JSON object is required");
            return false;
        }

        request = new Typed(this, parsed);
        problem = null;
        return true;
    }

    /// <inheritdoc cref="OnlineRequest.Model"/>
    protected abstract string? ModelOf(TRequest request);

    /// <inheritdoc cref="OnlineRequest.UserId"/>
    protected abstract long? UserIdOf(TRequest request);

    /// <inheritdoc cref="OnlineRequest.Validate"/>
    protected abstract RequestProblem? Validate(TRequest request, ModelCard card, OnlineLimits limits);

    /// <inheritdoc cref="OnlineRequest.Features"/>
    protected abstract IReadOnlyDictionary<string, double> Features(TRequest request, string? userPseudonym, IServingHistory history);

    /// <inheritdoc cref="OnlineRequest.Respond"/>
    protected abstract object Respond(TRequest request, OnlineScore score);

    /// <summary>System.Text.Json paths ("$.session[3].price") become field names ("session[3].price").</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException e)
    {
        // The message can quote the offending text; keep only the parser's first sentence, bounded.
        var message = e.Message.Split(". Path:", 2)[0];
        return message.Length <= 200 ? message : message[..200];
    }

    /// <summary>The typed request bound to its scorer, so the pipeline needs no knowledge of <typeparamref name="TRequest"/>.</summary>
    private sealed class Typed(OnlineScorer<TRequest> scorer, TRequest value) : OnlineRequest
    {
        public override string? Model => scorer.ModelOf(value);

        public override long? UserId => scorer.UserIdOf(value);

        public override RequestProblem? Validate(ModelCard card, OnlineLimits limits) => scorer.Validate(value, card, limits);

        public override IReadOnlyDictionary<string, double> Features(string? userPseudonym, IServingHistory history) => scorer.Features(value, userPseudonym, history);

        public override object Respond(OnlineScore score) => scorer.Respond(value, score);
    }
}
