namespace EAmazing.Api.Scoring;

/// <summary>Why a request cannot be scored, naming the JSON field at fault (a 400 ProblemDetails).</summary>
public sealed record RequestProblem(string Field, string Message)
{
    public IResult ToResult() => Results.ValidationProblem(
        new Dictionary<string, string[]> { [Field] = [Message] },
        title: $"invalid field '{Field}'",
        detail: Message,
        extensions: new Dictionary<string, object?> { ["field"] = Field });
}
