using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Configuration;

/// <summary>The options the server uses, each bound once from its section and checked at start (also used by the CLI).</summary>
public static class ServingOptionsRegistration
{
    public static IServiceCollection AddPlatformOptions(this IServiceCollection services)
    {
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>();
        return services;
    }

    public static IServiceCollection AddServingOptions(this IServiceCollection services)
    {
        services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServingOptions>, ServingOptionsValidator>();
        return services;
    }
}
