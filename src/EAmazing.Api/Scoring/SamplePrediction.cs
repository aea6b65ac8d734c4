using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EAmazing.Privacy;

namespace EAmazing.Api.Scoring;

/// <summary>
/// One request scored by the serving pipeline in this process (the demo's sample prediction): the same
/// <see cref="OnlineScoringPipeline"/>, champion loading and lake history as <c>eamazing serve</c>, without a listening
/// socket or an API key. <see cref="Request"/> shows the user as the pseudonym the pipeline derived: a raw id is never kept.
/// </summary>
/// <param name="Route">The endpoint's path, as served under <c>/v1</c>.</param>
/// <param name="Request">The request body with <c>user_id</c> replaced by its pseudonym.</param>
/// <param name="Status">The HTTP status the pipeline answered.</param>
/// <param name="Response">The response body the pipeline wrote.</param>
public sealed record SamplePrediction(string Route, string Request, int Status, string Response)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Scores <paramref name="body"/> at <paramref name="owner"/>'s endpoint with the serving app that
    /// <paramref name="args"/> configure (as <c>serve</c> passes them: lake, models).
    /// </summary>
    public static async Task<SamplePrediction> ScoreAsync(IReadOnlyList<string> args, IBusinessModel owner, string body)
    {
        var scorer = owner.Scorer ?? throw new ArgumentException($"{owner.Name} is not served online", nameof(owner));
        await using var app = ServingApp.Build([.. args]);
        var services = app.Services;
        // What RegistryWatcher does before a server takes requests; the server itself is never started.
        services.GetRequiredService<ChampionModels>().ReloadChanged();
        services.GetRequiredService<LakeHistory>().Refresh();

        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        using var response = new MemoryStream();
        context.Response.Body = response;
        var result = await services.GetRequiredService<OnlineScoringPipeline>().ScoreAsync(context, owner, scorer);
        await result.ExecuteAsync(context);

        return new SamplePrediction("/v1" + scorer.Endpoint.Route, Pseudonymous(body, scorer, services.GetRequiredService<PseudonymKey>()),
            context.Response.StatusCode, Pretty(Encoding.UTF8.GetString(response.ToArray())));
    }

    /// <summary>The request as sent, its user id replaced by the pseudonym the pipeline scored it under.</summary>
    private static string Pseudonymous(string body, IOnlineScorer scorer, PseudonymKey key)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        if (scorer.TryParse(Encoding.UTF8.GetBytes(body), out var request, out _) && request.UserId is { } userId)
        {
            node["user_id"] = new Pseudonymiser(key).User(userId);
        }

        return node.ToJsonString(Indented);
    }

    private static string Pretty(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
