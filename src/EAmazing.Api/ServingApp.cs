using EAmazing.BusinessModels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using EAmazing.Api.Apis;
using EAmazing.Api.Configuration;
using EAmazing.Api.Monitoring;
using EAmazing.Api.Scoring;
using EAmazing.Api.Security;
using EAmazing.Engine.DuckDb;
using EAmazing.Foundation.Configuration;
using EAmazing.Lake;
using EAmazing.Privacy;
using Microsoft.Extensions.Options;

namespace EAmazing.Api;

/// <summary>
/// The <c>eamazing serve</c> host: configuration (appsettings.json beside the binary, <c>EAMAZING__…</c>
/// environment variables, command-line), the serving services, and the endpoints by area.
/// </summary>
public static class ServingApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(prefix: "EAMAZING__")
            .AddCommandLine(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? DefaultUrls);
        builder.AddServing();

        var app = builder.Build();
        app.MapServing();
        return app;
    }

    public static WebApplicationBuilder AddServing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Per-request framework logs are noise at serving rates; the server's own logs never carry ids or keys.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        services.AddOptions<PlatformOptions>().Configure<IConfiguration>((platform, configuration) =>
        {
            configuration.GetSection(PlatformOptions.SectionName).Bind(platform);
            // EAMAZING__LAKE arrives without the section prefix, as in the CLI.
            configuration.Bind(platform);
        });
        services.AddOptions<ServingOptions>().Configure<IConfiguration>((serving, configuration) => ServingOptions.Bind(configuration, serving));
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            {
            var serving = new ServingOptions();
            ServingOptions.Bind(context.Configuration, serving);
            kestrel.Limits.MaxRequestBodySize = serving.MaxRequestBytes;
        });

        services.TryAddSingleton(BusinessModelCatalog.Default);
        services.AddSingleton<ServingPaths>();
        services.AddSingleton(sp => PseudonymKeyStore.ForProcess(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.PseudonymKeyFile).Resolve().Key);
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<ServingPaths>().ApiKeys));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ChampionModels>();
        services.AddSingleton<ILakeEngines, DuckDbEngine>();
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
        services.AddOpenApi();
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
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapPredictionApi();
        app.MapModelsApi();
        return app;
    }
}
