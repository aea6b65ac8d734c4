
namespace EAmazing.Api.Scoring;

/// <summary>A <see cref="RequestProblem"/> as HTTP: a 400 ProblemDetails whose <c>field</c> (and <c>errors</c>) names the field.</summary>
public static class RequestProblemResults
{
    public static IResult ToResult(this RequestProblem problem) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [problem.Field] = [problem.Message] },
        title: $"invalid field '{problem.Field}'",
        detail: problem.Message,
        extensions: new Dictionary<string, object?> { ["field"] = problem.Field });
}
