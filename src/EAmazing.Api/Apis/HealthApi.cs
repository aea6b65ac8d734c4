using EAmazing.Api.Scoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EAmazing.Api.Apis;

public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddServingHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ChampionsLoadedCheck>("champions", tags: [ReadyTag])
            .AddCheck<LakeReadableCheck>("lake", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: champions loaded and the lake's history readable.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false })
            .WithName("Live").WithSummary("The process is up").WithTags("Health");
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(ReadyTag) })
            .WithName("Ready").WithSummary("Champions loaded and the lake readable").WithTags("Health");
        return app;
    }

    private sealed class ChampionsLoadedCheck(ChampionModels champions) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(champions.AllLoaded
                ? HealthCheckResult.Healthy(string.Join(", ", champions.All.Select(m => $"{m.Name} v{m.Version}")))
                : HealthCheckResult.Unhealthy("no champion loaded for " + string.Join(", ", champions.Names.Where(n => champions.Get(n) is null))));
    }

    private sealed class LakeReadableCheck(LakeHistory history) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(history.Loaded
                ? HealthCheckResult.Healthy($"history as of {history.AsOfDay:yyyy-MM-dd}")
                : HealthCheckResult.Unhealthy("the lake's silver events could not be read"));
    }
}
