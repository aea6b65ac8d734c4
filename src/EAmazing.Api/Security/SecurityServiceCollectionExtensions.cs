using System.Threading.RateLimiting;
using EAmazing.Api.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>API-key authentication, reader/admin policies and a token bucket per key.</summary>
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        // The core services only: full AddAuthentication also adds data protection, which would write keys to ~/.aspnet for nothing.
        services.AddWebEncoders();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthenticationCore(o => o.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName);
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.ReaderPolicy, p => p.RequireRole(ApiRoles.Reader, ApiRoles.Admin))
            .AddPolicy(ApiRoles.AdminPolicy, p => p.RequireRole(ApiRoles.Admin));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(Results.Problem(title: "too many requests", detail: "this API key's rate limit is exceeded; retry after a second",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext));
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<ServingOptions>>().Value;
                // Keyed callers get their own bucket; anonymous calls (health, metrics, OpenAPI, rejected keys) share one per address.
                var partition = context.User.Identity?.IsAuthenticated == true
                    ? "key:" + context.User.Identity.Name
                    : "anonymous:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.BurstPerKey),
                    TokensPerPeriod = Math.Max(1, options.RequestsPerSecondPerKey),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }
}
