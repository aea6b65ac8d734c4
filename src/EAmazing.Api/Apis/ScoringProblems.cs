namespace EAmazing.Api.Apis;

/// <summary>
/// The failures every online scoring endpoint shares, declared once for OpenAPI: a bad body (400), no or a wrong key
/// (401/403), a body over the limit (413), the rate limit (429), an erased user (451) and no servable champion (503).
/// </summary>
public static class ScoringProblems
{
    public static RouteHandlerBuilder ProducesScoringProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status451UnavailableForLegalReasons)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
