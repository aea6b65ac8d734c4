using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// A parsed request as the serving pipeline sees it: which model it asks for, the raw user id it carries (the
/// pipeline pseudonymises it and forgets it), and the model's own steps between validation and response.
/// </summary>
public abstract class OnlineRequest
{
    /// <summary>The registry name asked for; null: the scorer's default.</summary>
    public abstract string? Model { get; }

    /// <summary>The raw user id, if any; only its pseudonym reaches features, records and the audit trail.</summary>
    public abstract long? UserId { get; }

    /// <summary>The first problem against the served model's card and the server's limits, or null.</summary>
    public abstract RequestProblem? Validate(ModelCard card, OnlineLimits limits);

    /// <summary>Feature values by name; a feature of the card absent here is scored as missing.</summary>
    public abstract IReadOnlyDictionary<string, double> Features(string? userPseudonym, IServingHistory history);

    /// <summary>The response body (serialised in snake_case).</summary>
    public abstract object Respond(OnlineScore score);
}
