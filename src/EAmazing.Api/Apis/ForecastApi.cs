using System.Text.RegularExpressions;
using EAmazing.Api.Configuration;
using EAmazing.Api.Security;
using EAmazing.BusinessModels;
using EAmazing.Lake;

namespace EAmazing.Api.Apis;

public static partial class ForecastApi
{
    /// <summary>
    /// <c>GET /v1/forecast/{key}</c> per forecasting model of the catalog: the latest forecast of one category (its id) or
    /// top-level category (its name) from the model's gold table, per target and day with the 80% and 95% bands; reader
    /// role. Aggregates, no person's data, so nothing is pseudonymised. ProblemDetails: 400 for a malformed key or target,
    /// 404 naming the command to run when no forecast was written, 404 for a key the forecast does not hold.
    /// </summary>
    public static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Forecasts").RequireAuthorization(ApiRoles.ReaderPolicy);
        var catalog = app.ServiceProvider.GetRequiredService<BusinessModelCatalog>();
        foreach (var owner in catalog.All)
        {
            if (owner.ForecastWriter is not { } writer)
            {
                continue;
            }

            api.MapGet($"/{owner.Name}/{{key}}", (string key, string? target, ILakeEngines engines, ServingPaths paths) =>
                {
                    if (!Key().IsMatch(key))
                    {
                        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "a category key is a category id or a top-level category name (letters, digits, '_', '-', '.'; at most 64)");
                    }

                    if (target is not null && target is not ("purchases" or "revenue" or "views"))
                    {
                        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "target is one of purchases, revenue, views");
                    }

                    var lake = LakeLayout.At(paths.Lake);
                    if (!writer.HasForecast(lake))
                    {
                        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"no forecast has been written to {writer.Table.ViewName} (run ./eamazing {owner.Name} --horizon 28)");
                    }

                    using var scratch = engines.OpenScratch();
                    return writer.Lookup(scratch, lake, key, target) is { } found
                        ? Results.Ok(found)
                        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{writer.Table.ViewName} holds no category or top-level category '{key}'");
                })
                .WithName($"Get{char.ToUpperInvariant(owner.Name[0])}{owner.Name[1..]}")
                .WithSummary($"The latest forecast of a category or top-level category from {writer.Table.ViewName}, per target and day with 80% and 95% intervals")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        return app;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex Key();
}
