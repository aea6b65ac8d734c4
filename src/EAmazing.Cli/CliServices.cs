using EAmazing.Api.Configuration;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Ingestion;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EAmazing.Cli;

/// <summary>Every options type the CLI uses, each bound once from its configuration section and checked by its validator.</summary>
public static class CliServices
{
    public static IServiceCollection AddCliOptions(this IServiceCollection services)
    {
        services.AddPlatformOptions();
        services.AddServingOptions();
        Add<IngestOptions, IngestOptionsValidator>(services, IngestOptions.SectionName);
        Add<FeatureOptions, FeatureOptionsValidator>(services, FeatureOptions.SectionName);
        Add<LeakageAuditOptions, LeakageAuditOptionsValidator>(services, LeakageAuditOptions.SectionName);
        Add<PrivacyOptions, PrivacyOptionsValidator>(services, PrivacyOptions.SectionName);
        Add<TrainingSettings, TrainingOptionsValidator>(services, TrainingSettings.SectionName);
        Add<CampaignOptions, CampaignOptionsValidator>(services, CampaignOptions.SectionName);
        return services;
    }

    private static void Add<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
