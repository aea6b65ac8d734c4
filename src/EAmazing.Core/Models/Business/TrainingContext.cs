using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Lake;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;
using EAmazing.Privacy;

namespace EAmazing.Models.Business;

/// <summary>What a training run may use: the lake (gold tables), the registry it records into, the configured
/// feature and leakage-audit settings, the pseudonymiser (to match generated ground truth, never to keep raw ids), and k of
/// k-anonymity for the groups a report shows (EAmazing:Privacy:MinGroupSize), and the configured retention campaign's economics
/// (EAmazing:Campaign; null: its defaults) for the models that draw a campaign view.</summary>
public sealed record TrainingContext(
    IGoldEngine Lake,
    ModelRegistry Registry,
    FeatureOptions Features,
    LeakageAuditOptions LeakageAudit,
    Pseudonymiser? Pseudonymiser,
    int MinGroupSize = 10,
    CampaignOptions? Campaign = null);
