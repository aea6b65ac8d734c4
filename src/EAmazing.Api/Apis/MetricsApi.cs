using EAmazing.Api.Monitoring;
using EAmazing.Api.Scoring;

namespace EAmazing.Api.Apis;

public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (ServingMetrics metrics, ChampionModels champions, PredictionRecorder recorder) =>
                Results.Text(metrics.Render(champions, recorder), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics")
            .WithSummary("Prometheus metrics: requests, latency, predictions per model version, score histogram, drift")
            .WithTags("Monitoring");
        return app;
    }
}
