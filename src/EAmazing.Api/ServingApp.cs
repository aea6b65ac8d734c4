using EAmazing.BusinessModels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using EAmazing.Api.Apis;
using EAmazing.Api.Configuration;
using EAmazing.Api.Dashboard;
using EAmazing.Api.Monitoring;
using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.Engine.DuckDb;
using EAmazing.Foundation.Configuration;
using EAmazing.Lake;
using Scalar.AspNetCore;
using EAmazing.Privacy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace EAmazing.Api;

/// <summary>
/// The <c>eamazing serve</c> host: configuration (appsettings.json beside the binary, <c>EAMAZING__…</c>
/// environment variables, command-line), the serving services, and the endpoints by area.
/// </summary>
public static class ServingApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const string UrlsKey = "EAmazing:Urls";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Later wins: appsettings.json beside the binary, EAMAZING__… variables (EAMAZING__SERVING__APIKEYSFILE is
        // EAmazing:Serving:ApiKeysFile, as in the CLI), then the command line, where --urls means EAmazing:Urls.
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEAmazingEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string> { ["--urls"] = UrlsKey });
        builder.WebHost.UseUrls(Urls(builder.Configuration));
        builder.AddServing();

        var app = builder.Build();
        app.MapServing();
        return app;
    }

    /// <summary>Where the server listens: <c>--urls</c> or <c>EAmazing:Urls</c> (env <c>EAMAZING__URLS</c>), else ASP.NET Core's own
    /// <c>urls</c> (<c>ASPNETCORE_URLS</c>), else loopback.</summary>
    public static string Urls(IConfiguration configuration) => configuration[UrlsKey] ?? configuration["urls"] ?? DefaultUrls;

    public static WebApplicationBuilder AddServing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Per-request framework logs are noise at serving rates; the server's own logs never carry ids or keys.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        services.AddPlatformOptions();
        services.AddServingOptions();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServingOptions>>((kestrel, serving) =>
            kestrel.Limits.MaxRequestBodySize = serving.Value.MaxRequestBytes);

        services.TryAddSingleton(BusinessModelCatalog.Default);
        services.AddSingleton<ServingPaths>();
        services.AddSingleton(sp => PseudonymKeyStore.ForProcess(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.PseudonymKeyFile).Resolve().Key);
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<ServingPaths>().ApiKeys));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ChampionModels>();
        services.AddSingleton<RecommenderChampion>();
        services.AddSingleton<ILakeEngines, DuckDbEngine>();
        services.AddSingleton<ServingGovernance>();
        services.AddSingleton<LakeHistory>();
        services.AddSingleton<IServingHistory>(sp => sp.GetRequiredService<LakeHistory>());
        services.AddSingleton<ServingMetrics>();
        services.AddSingleton<OnlineScoringPipeline>();
        services.AddSingleton<PredictionRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<PredictionRecorder>());
        services.AddHostedService<RegistryWatcher>();

        services.AddProblemDetails();
        services.AddApiKeySecurity();
        services.AddServingHealthChecks();
        services.AddDashboard();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyOpenApiTransformer>());
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
        });
        return builder;
    }

    public static WebApplication MapServing(this WebApplication app)
    {
        app.UseRequestMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi();
        // The interactive API page, its script served from the package itself (no CDN: the server may have no internet).
        app.MapScalarApiReference("/docs");
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapPredictionApi();
        app.MapModelsApi();
        app.MapBatchScoresApi();
        app.MapDetectionsApi();
        app.MapForecastApi();
        app.MapRecommendationsApi();
        app.MapDashboard();
        return app;
    }
}
