using System.Collections;
using Microsoft.Extensions.Configuration;

namespace EAmazing.Cli.Tests;

/// <summary>
/// <see cref="CliSettings"/> in process, with a fake environment read by the real <c>EAMAZING__</c> source: every
/// options type binds its section, including the settings no quick command shows (reports, training, serving).
/// </summary>
public sealed class CliSettingsTests
{
    [Fact]
    public void Given_one_variable_per_section_When_settings_load_Then_each_options_type_has_it()
    {
        // Given a variable for each section, in any case
        var environment = new Hashtable
        {
            ["EAMAZING__MODELS"] = "env-models",
            ["EAMAZING__PSEUDONYMKEYFILE"] = "/keys/pseudonym.key",
            ["EAMAZING__INGEST__PRICECEILING"] = "5000",
            ["EAMAZING__FEATURES__SNAPSHOTWEEKDAY"] = "Sunday",
            ["EAMAZING__FEATURES__CHURNHORIZONDAYS"] = "14",
            ["EAMAZING__FEATURES__LEAKAGE__SAMPLECUTOFFS"] = "7",
            ["EAMAZING__PRIVACY__RETENTIONMONTHS"] = "6",
            ["EAMAZING__PRIVACY__ENGINEMEMORYLIMIT"] = "3GB",
            ["EAMAZING__SERVING__MAXSESSIONEVENTS"] = "12",
            ["EAMAZING__SERVING__MODELNAMES__0"] = "purchase-intent-prefix",
            ["eamazing__training__testdays"] = "3",
        };

        // When the settings load
        var settings = CliSettings.Load(null, environment);

        // Then every options type sees its own
        Assert.Equal("env-models", settings.Platform.Models);
        Assert.Equal("/keys/pseudonym.key", settings.Platform.PseudonymKeyFile);
        Assert.Equal(5000m, settings.Ingest.PriceCeiling);
        Assert.Equal(DayOfWeek.Sunday, settings.Features.SnapshotWeekday);
        Assert.Equal(14, settings.Get<EAmazing.Features.FeatureOptions>().ChurnHorizonDays);
        Assert.Equal(7, settings.LeakageAudit.SampleCutoffs);
        Assert.Equal(0.9, settings.LeakageAudit.AucThreshold);
        Assert.Equal(6, settings.Privacy.RetentionMonths);
        Assert.Equal("3GB", settings.Privacy.EngineMemoryLimit);
        Assert.Equal(12, settings.Serving.MaxSessionEvents);
        Assert.Equal(["purchase-intent-prefix"], settings.Serving.ServedModels(EAmazing.BusinessModels.BusinessModelCatalog.Default));
        Assert.Equal(3, settings.Training.TestDays);
    }

    [Fact]
    public void Given_EAMAZING__LAKE_and_lake_When_settings_load_Then_the_command_line_wins_and_other_variables_stay_out()
    {
        var environment = new Hashtable { ["EAMAZING__LAKE"] = "env-lake", ["EAMAZING_PSEUDONYM_KEY"] = "00112233445566778899aabbccddeeff" };

        var settings = CliSettings.Load("cli-lake", environment);

        Assert.Equal("cli-lake", settings.Platform.Lake);
        Assert.Equal("env-lake", CliSettings.Load(null, environment).Platform.Lake);
        Assert.DoesNotContain(settings.Configuration.AsEnumerable(), kv => kv.Value == "00112233445566778899aabbccddeeff");
    }

    [Fact]
    public void Given_a_bad_value_When_its_options_are_asked_for_Then_a_settings_error_names_it()
    {
        var settings = CliSettings.Load(null, new Hashtable { ["EAMAZING__FEATURES__LEAKAGE__AUCTHRESHOLD"] = "0.4", ["EAMAZING__TRAINING__BUDGET"] = "soon" });

        var threshold = Assert.Throws<CliSettingsException>(() => settings.LeakageAudit);
        var budget = Assert.Throws<CliSettingsException>(() => settings.Training);

        Assert.Contains("EAmazing:Features:Leakage:AucThreshold (env EAMAZING__FEATURES__LEAKAGE__AUCTHRESHOLD)", threshold.Message, StringComparison.Ordinal);
        Assert.Contains("EAmazing:Training:", budget.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, settings.Features.PrefixLengths); // options with good values still load
    }

    [Fact]
    public void Given_EAmazing_Campaign_When_a_model_resolves_its_campaign_Then_the_configuration_is_the_default_and_an_option_wins()
    {
        var settings = CliSettings.Load(null, new Hashtable { ["EAMAZING__CAMPAIGN__OFFERCOST"] = "2", ["EAMAZING__CAMPAIGN__KEPTCUSTOMERVALUE"] = "120" });
        var given = new EAmazing.Models.Business.TrainingSettings { Parameters = new Dictionary<string, string> { ["kept-value"] = "80", ["acceptance"] = "configured" } };

        var campaign = EAmazing.Models.Business.CampaignParameters.Resolve(given, settings.Campaign);

        Assert.Equal(2, campaign.OfferCost);
        Assert.Equal(0.25, campaign.AcceptanceRate);
        Assert.Equal(80, campaign.KeptCustomerValue);
    }

    [Fact]
    public void Given_an_acceptance_rate_above_one_When_the_campaign_is_asked_for_Then_a_settings_error_names_it()
    {
        var settings = CliSettings.Load(null, new Hashtable { ["EAMAZING__CAMPAIGN__ACCEPTANCERATE"] = "2" });

        var error = Assert.Throws<CliSettingsException>(() => settings.Campaign);

        Assert.Contains("EAmazing:Campaign:AcceptanceRate must be between 0 and 1", error.Message, StringComparison.Ordinal);
    }
}
