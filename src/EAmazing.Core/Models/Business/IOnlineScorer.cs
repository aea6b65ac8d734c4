using System.Diagnostics.CodeAnalysis;

namespace EAmazing.Models.Business;

/// <summary>
/// A business model's online endpoint, without HTTP: the API reads the body, asks the scorer to parse it, looks up
/// the champion, pseudonymises the user, asks for the features, scores, records, audits, and asks for the response.
/// Derive from <see cref="OnlineScorer{TRequest}"/> rather than implementing this directly.
/// </summary>
public interface IOnlineScorer
{
    OnlineEndpoint Endpoint { get; }

    /// <summary>The registry name scored when a request names none (and served when the settings name none).</summary>
    string DefaultModel { get; }

    /// <summary>Parses a request body; a problem names the field and never echoes the input.</summary>
    bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out OnlineRequest? request, [NotNullWhen(false)] out RequestProblem? problem);
}
