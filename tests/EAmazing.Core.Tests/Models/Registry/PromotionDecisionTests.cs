using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;

namespace EAmazing.Core.Tests.Models.Registry;

public sealed class PromotionDecisionTests
{
    internal static ModelCard Card(double auc, double lower, double? champion = null, bool audit = true, IReadOnlyList<string>? alarms = null) => new()
    {
        Name = "m", Version = 2, Task = "t", Family = "fasttree", Hyperparameters = new Dictionary<string, string>(), Features = ["x"],
        ModelFile = "model.zip", CreatedAt = DateTime.UnixEpoch,
        Data = new DataWindow(DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch, 1, 1, 1, 0.3, []),
        Metrics = new TestMetrics(100, 0.3, new ConfidenceInterval(auc, lower, auc + 0.02), new ConfidenceInterval(0.5, 0.4, 0.6), new ConfidenceInterval(0.6, 0.5, 0.7),
            0.2, 0.02, 0.4, new ConfusionMatrix(10, 5, 70, 15), new ConfidenceInterval(0.5, 0.4, 0.6), 1.8, 10),
        Estimates = [new NamedEstimate("roc_auc", new ConfidenceInterval(auc, lower, auc + 0.02))],
        PrimaryMetric = "roc_auc",
        Baselines = new Dictionary<string, double> { ["prior"] = 0.5, ["onerule"] = 0.62 },
        ChampionOnThisWindow = champion,
        Cost = new BusinessCost(), LeakageAudit = new LeakageAuditSummary(audit, audit ? "passed" : "future invariance FAILED"),
        Alarms = alarms ?? [], Seed = 46, CodeVersion = "test", TrainingSeconds = 1,
    };

    [Fact]
    public void A_Model_Above_The_Baselines_And_The_Champion_Passes() =>
        Assert.True(PromotionDecision.Evaluate(Card(0.70, 0.68, champion: 0.69)).Allowed);

    [Fact]
    public void A_Model_Worse_Than_The_Champion_On_The_Same_Window_Is_Refused()
    {
        var decision = PromotionDecision.Evaluate(Card(0.70, 0.68, champion: 0.71));
        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.Contains("worse than the current champion", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Model_Whose_Interval_Touches_A_Baseline_Is_Refused() =>
        Assert.False(PromotionDecision.Evaluate(Card(0.64, 0.61)).Allowed);

    [Fact]
    public void A_Version_Trained_Without_Baselines_Is_Refused_And_Told_Why()
    {
        var decision = PromotionDecision.Evaluate(Card(0.70, 0.68) with { Baselines = new Dictionary<string, double>() });

        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.Contains("no baseline was measured", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Log_Loss_Worse_Than_The_Prior_Is_Refused_Even_With_A_Good_AUC()
    {
        // The class-weighted winners of old: AUC fine, probabilities too high, log-loss 0.66 against the prior's 0.62.
        var decision = PromotionDecision.Evaluate(Guarded(logLoss: 0.66, ece: 0.02));

        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.StartsWith("worse than baseline prior in log_loss", StringComparison.Ordinal));
        Assert.True(PromotionDecision.Evaluate(Guarded(logLoss: 0.58, ece: 0.02)).Allowed);
    }

    [Fact]
    public void A_Calibration_Error_Worse_Than_The_Champions_Beyond_Both_Intervals_Is_Refused()
    {
        var champion = Estimates(logLoss: 0.58, ece: 0.015);

        var worse = PromotionDecision.Evaluate(Guarded(logLoss: 0.57, ece: 0.08) with { ChampionEstimates = champion, ChampionVersion = 1 });
        var overlapping = PromotionDecision.Evaluate(Guarded(logLoss: 0.57, ece: 0.02) with { ChampionEstimates = champion, ChampionVersion = 1 });

        Assert.False(worse.Allowed);
        Assert.Contains(worse.Reasons, r => r.StartsWith("worse than champion v1 in calibration_error", StringComparison.Ordinal));
        Assert.True(overlapping.Allowed, string.Join("; ", overlapping.Reasons));
    }

    private static ModelCard Guarded(double logLoss, double ece) => Card(0.70, 0.68) with
    {
        Estimates = Estimates(logLoss, ece, auc: 0.70),
        GuardMetrics = ["log_loss", "calibration_error"],
        FloorBaseline = "prior",
        BaselineEstimates = new Dictionary<string, IReadOnlyList<NamedEstimate>> { ["prior"] = Estimates(logLoss: 0.62, ece: 0.01, auc: 0.5) },
    };

    private static IReadOnlyList<NamedEstimate> Estimates(double logLoss, double ece, double auc = 0.69) =>
    [
        new("roc_auc", new ConfidenceInterval(auc, auc - 0.02, auc + 0.02)),
        new("log_loss", new ConfidenceInterval(logLoss, logLoss - 0.01, logLoss + 0.01), HigherIsBetter: false),
        new("calibration_error", new ConfidenceInterval(ece, Math.Max(0, ece - 0.01), ece + 0.01), HigherIsBetter: false),
    ];

    [Fact]
    public void A_Failed_Audit_Or_An_Alarm_Blocks_Promotion()
    {
        Assert.False(PromotionDecision.Evaluate(Card(0.70, 0.68, audit: false)).Allowed);
        Assert.False(PromotionDecision.Evaluate(Card(0.95, 0.94, alarms: ["leakage"])).Allowed);
    }
}
