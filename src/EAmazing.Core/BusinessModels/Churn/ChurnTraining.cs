using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Data;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Families;
using EAmazing.Models.Lab;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// One churn training run: the labelled weekly snapshots (a row's label is known once its 28-day window has passed), the
/// gold leakage audit of the snapshots, every requested family through the lab (train on the earlier snapshots, choose on
/// the validation week, test on the last labelled week), then beside it on the same test rows: the recency rule, the world's
/// oracle (with a truth folder), the groups with and without past purchases, and the campaign view; a registry version
/// with the lab's card and report plus <c>report/churn.html</c>.
/// </summary>
public sealed class ChurnTraining(TrainingContext context)
{
    public const string Recency = "recency rule";
    public const string Oracle = "oracle";
    public const string OracleWithoutClock = "oracle without the clock";
    public const string ObservableOracle = "observable oracle";

    /// <summary>The champion must reach this share of the oracle's AUC (issue 19's target).</summary>
    public const double OracleTarget = 0.95;

    public TrainingOutcome Run(TrainingSettings settings, CampaignOptions campaign, int oracleReplicates, int oracleUsers, long maxRows, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var table = GoldTables.UserSnapshots;
        var sample = UserSample.For(context.Lake, table, ChurnModel.Label, maxRows);
        progress?.Report($"loading {table.ViewName}{(sample is null ? "" : $" ({sample.Rule})")}");
        var (data, users) = GoldFeatureLoader.Load(context.Lake, table, ChurnModel.Label, sample?.Filter);
        if (data.Count == 0)
        {
            throw new InvalidOperationException($"{table.ViewName} has no snapshot whose {context.Features.ChurnHorizonDays}-day churn window the lake holds in full: "
                + "a churn label needs the events of the 28 days after its snapshot (ingest more months, then eamazing features build)");
        }

        progress?.Report("leakage audit");
        var audit = GoldLeakageAudit.Run(context, table);
        var split = TemporalSplit.Plan(data, settings.ValidationDays, settings.TestDays);
        var (train, valid, test) = split.Apply(data);
        var testRows = Enumerable.Range(0, data.Count).Where(i => data.AsOf[i] >= split.TestFrom && data.AsOf[i] < split.TestTo).ToArray();
        // The partial oracle sees each user's last visit as the data shows it: the as-of time less recency_days.
        var recency = data.FeatureNames.ToList().IndexOf("recency_days");
        var lastSeen = data.AsOf.Select((d, i) => recency < 0 ? d : d.AddDays(-data.Features[i][recency])).ToArray();
        // The oracles simulate each user (milliseconds apiece): at full scale (millions of test users) they answer a systematic sample.
        var oracleRows = SystematicSample.Of(testRows, oracleUsers);
        // The observable oracle reads the test users' sessions from silver, as a model could.
        var histories = settings.TruthFolder is not null && context.Pseudonymiser is not null && oracleRows.Count > 0
            ? ObservedHistories.Load(context.Lake, oracleRows.Select(i => users[i]).ToHashSet(StringComparer.Ordinal), oracleRows.Max(i => data.AsOf[i]))
            : null;
        var oracle = settings.TruthFolder is not null && context.Pseudonymiser is not null
            ? ChurnOracle.ForRows(settings.TruthFolder, context.Pseudonymiser, users, data.AsOf, lastSeen, oracleRows, context.Features.ChurnHorizonDays, oracleReplicates, settings.Seed, histories, progress)
            : null;

        var request = new LabRequest
        {
            Task = $"churn: no purchase in the {context.Features.ChurnHorizonDays} days after a weekly snapshot, from the user's behaviour before it"
                + MaxRowsParameter.CardNote(sample, maxRows),
            Data = data,
            Families = settings.Families?.Select(ModelFamilyCatalog.Find).ToList() ?? ModelFamilyCatalog.All,
            TrialsPerFamily = settings.TrialsPerFamily,
            WallClockBudget = settings.Budget,
            Seed = settings.Seed,
            // The threshold is chosen on validation for the campaign's economics: a kept churner is worth acceptance × value, a contact costs the offer.
            Cost = new BusinessCost(campaign.AcceptanceRate * campaign.KeptCustomerValue, campaign.OfferCost),
            ValidationDays = settings.ValidationDays,
            TestDays = settings.TestDays,
            OracleProbabilities = oracle?.Probabilities,
        };
        var result = ModelLab.Run(request, progress);
        var sources = context.Lake.Query($"SELECT DISTINCT path || '@' || fingerprint FROM gold_partitions WHERE table_name = '{table.Name}' ORDER BY 1")
            .Rows.Select(r => r[0]?.ToString() ?? string.Empty).ToList();
        var card = LabRecorder.Record(context.Registry, ChurnModel.RegistryName, request, result, audit, [table.Name], sources, clock.Elapsed);

        progress?.Report("recency rule, groups and campaign view");
        var rule = RecencyRule.Fit(train);
        var ruleValid = Scored(rule.Predict(valid), valid.Labels);
        var ruleThreshold = request.Cost.BestThreshold(ruleValid);
        var ruleTest = Scored(rule.Predict(test), test.Labels);
        var ruleMetrics = TestMetrics.Measure(ruleTest, ruleThreshold, request.Cost, request.BootstrapResamples, request.Seed);
        var oracleTest = oracle is null ? null : testRows.Select((row, i) => oracle.Probabilities[row] is { } p ? new ScoredExample((float)p, test.Labels[i]) : (ScoredExample?)null).ToArray();
        var oracleMetrics = oracleTest is null || oracleTest.All(e => e is null) ? null
            : TestMetrics.Measure(oracleTest.OfType<ScoredExample>().ToArray(), 0.5, request.Cost, request.BootstrapResamples, request.Seed);
        var blindTest = oracle is null ? null : testRows.Select((row, i) => oracle.WithoutClock[row] is { } p ? new ScoredExample((float)p, test.Labels[i]) : (ScoredExample?)null).ToArray();
        var blindMetrics = blindTest is null || blindTest.All(e => e is null) ? null
            : TestMetrics.Measure(blindTest.OfType<ScoredExample>().ToArray(), 0.5, request.Cost, request.BootstrapResamples, request.Seed);
        var observableTest = oracle?.Observable is not { } observable ? null
            : testRows.Select((row, i) => observable[row] is { } p ? new ScoredExample((float)p, test.Labels[i]) : (ScoredExample?)null).ToArray();
        var observableMetrics = observableTest is null || observableTest.All(e => e is null) ? null
            : TestMetrics.Measure(observableTest.OfType<ScoredExample>().ToArray(), 0.5, request.Cost, request.BootstrapResamples, request.Seed);

        var best = result.Best;
        var prior = result.Families.First(f => f.Family == "prior");
        var methods = new Dictionary<string, IReadOnlyList<ScoredExample?>>
        {
            [$"{best.Family} (champion candidate)"] = best.TestScores.Select(e => (ScoredExample?)e).ToArray(),
            ["prior"] = prior.TestScores.Select(e => (ScoredExample?)e).ToArray(),
            [Recency] = ruleTest.Select(e => (ScoredExample?)e).ToArray(),
        };
        if (oracleTest is not null && blindTest is not null)
        {
            methods[Oracle] = oracleTest;
            methods[OracleWithoutClock] = blindTest;
        }

        if (observableTest is not null)
        {
            methods[ObservableOracle] = observableTest;
        }

        var purchases = data.FeatureNames.ToList().IndexOf("frequency_purchases");
        var hasPurchased = test.Features.Select(r => purchases >= 0 && r[purchases] > 0).ToArray();
        var groups = ChurnGroups.Measure(hasPurchased, methods, request.BootstrapResamples, request.Seed);
        var campaignResult = ChurnCampaign.OnTest(best.TestScores, campaign, request.BootstrapResamples, request.Seed);

        var outcome = LabComparison.Outcome(result, card, audit);
        var rows = outcome.Comparison.Rows.ToList();
        rows.Add(Row(Recency, $"{BinaryMetrics.LogLoss(ruleValid):0.0000}", $"{BinaryMetrics.RocAuc(ruleValid):0.000}", "binned", ruleMetrics, result.OracleAuc));
        if (oracleMetrics is not null)
        {
            rows.Add(Row(Oracle, "-", "-", "none", oracleMetrics, result.OracleAuc));
        }

        if (blindMetrics is not null)
        {
            rows.Add(Row(OracleWithoutClock, "-", "-", "none", blindMetrics, result.OracleAuc));
        }

        if (observableMetrics is not null)
        {
            rows.Add(Row(ObservableOracle, "-", "-", "none", observableMetrics, result.OracleAuc));
        }

        // Each ratio to an oracle compares the champion with it on the users it answered (all test users unless sampled).
        double ChampionAucOn(IReadOnlyList<ScoredExample?> answered) =>
            BinaryMetrics.RocAuc(answered.Select((e, i) => (e, i)).Where(p => p.e is not null).Select(p => best.TestScores[p.i]).ToArray());
        var notes = outcome.Notes.ToList();
        notes.Add(new($"{Recency}: {RecencyRule.Feature} alone in quantile bins, never-bought users in their own bin, each bin its training churn rate"));
        if (oracle is not null)
        {
            var asked = oracleRows.Count == testRows.Length
                ? $"{oracle.Matched:N0} of {testRows.Length:N0} test users matched"
                : $"asked of a systematic sample of {oracleRows.Count:N0} of the {testRows.Length:N0} test users (every (n / {oracleUsers:N0})-th test row; --{ChurnModel.OracleUsers.Name}), {oracle.Matched:N0} matched; every ratio to an oracle is on the users it answered";
            notes.Add(new($"oracle: the world's probability of no purchase in [D, D + {context.Features.ChurnHorizonDays} days) given its state at D, {oracleReplicates} simulated futures per user, "
                + $"{asked}, mean Monte Carlo standard error {oracle.MeanStandardError:0.000}"));
            if (result.OracleAuc is { } oracleAuc)
            {
                // The lab's ratio: the champion's AUC on the oracle's rows over the oracle's (all test rows unless sampled).
                var ratio = best.OracleRatio ?? best.Test.RocAuc.Estimate / oracleAuc.Estimate;
                notes.Add(new($"target: champion AUC ≥ {OracleTarget:0.00} × oracle AUC: {best.Family} {ratio * oracleAuc.Estimate:0.0000} / oracle {oracleAuc.Estimate:0.0000} = {ratio:0.000} "
                    + (ratio >= OracleTarget ? "(met)" : "(not met)"), IsAlarm: ratio < OracleTarget));
            }

            if (blindMetrics is not null)
            {
                notes.Add(new($"{OracleWithoutClock}: knows the user's traits and rates, not whether its churn clock has run out; weighs gone and still active "
                    + $"by their posterior given the last visit (mean Monte Carlo standard error {oracle.WithoutClockStandardError:0.000}): AUC {blindMetrics.RocAuc}; "
                    + $"{best.Family} reaches {ChampionAucOn(blindTest!) / blindMetrics.RocAuc.Estimate:0.000} of it"));
            }

            if (observableMetrics is not null)
            {
                var ratio = ChampionAucOn(observableTest!) / observableMetrics.RocAuc.Estimate;
                notes.Add(new($"{ObservableOracle}: knows neither traits, rates nor clock, only each user's sessions before D (times, carts, purchases, from silver) and the world's priors; "
                    + $"the posterior over the world's users given that history ({oracle.ObservableMatched:N0} users, effective sample size median {oracle.ObservableMedianSampleSize:N0}, smallest {oracle.ObservableMinimumSampleSize:0.0}, "
                    + $"mean importance-sampling standard error {oracle.ObservableStandardError:0.000}): "
                    + $"AUC {observableMetrics.RocAuc}; {best.Family} reaches {ratio:0.000} of it "
                    + (ratio >= OracleTarget ? $"(≥ {OracleTarget:0.00}: the target met against what the data can tell)" : $"(< {OracleTarget:0.00})"), IsAlarm: ratio < OracleTarget));
            }
        }

        notes.AddRange(groups.Where(g => g.Group != ChurnGroups.All).Select(g => new TrainingNote(
            $"{g.Group}, {g.Method}: {g.Users:N0} users, churn rate {g.ChurnRate:0.000}, AUC {(g.Auc is null ? "-" : g.Auc.ToString())}, log-loss {g.LogLoss}")));
        var bestPoint = campaignResult.Expected.Best;
        notes.Add(new(string.Create(CultureInfo.InvariantCulture,
            $"campaign view on the test week ({best.Family} scores; offer {campaign.OfferCost}, acceptance {campaign.AcceptanceRate:0.##}, kept customer {campaign.KeptCustomerValue}): ")
            + $"contact the {bestPoint.Targeted:N0} most likely leavers ({bestPoint.Share:P1}), expected profit {bestPoint.ExpectedProfit:N0}, "
            + $"realised on the test labels {ChurnCampaign.Money(campaignResult.RealisedAtBest)}"));
        var report = Path.Combine(context.Registry.VersionFolder(card.Name, card.Version), "report");
        ChurnReport.Write(report, split, groups, rows, outcome.Comparison.Header, campaignResult, campaign, notes);
        notes.Add(new($"groups, baselines beside every family, oracle and campaign curve: {Path.Combine(report, ChurnReport.FileName)}"));
        return outcome with { Comparison = outcome.Comparison with { Rows = rows }, Notes = notes };
    }

    private static ScoredExample[] Scored(float[] scores, IReadOnlyList<bool> labels) => scores.Select((s, i) => new ScoredExample(s, labels[i])).ToArray();

    /// <summary>A comparison row in the lab's columns for a method the lab does not train.</summary>
    private static IReadOnlyList<string> Row(string method, string validLogLoss, string validAuc, string calibration, TestMetrics test, ConfidenceInterval? oracleAuc) =>
    [
        method, validLogLoss, validAuc, calibration, test.RocAuc.ToString(), $"{test.PrAuc.Estimate:0.000}", $"{test.LogLoss.Estimate:0.0000}",
        $"{test.CalibrationError:0.000} → {test.CalibrationError:0.000}", $"{test.F1.Estimate:0.000} @ {test.Threshold:0.00}", $"{test.LiftTopDecile:0.00}",
        oracleAuc is null ? "-" : (test.RocAuc.Estimate / oracleAuc.Estimate).ToString("0.000", CultureInfo.InvariantCulture),
    ];
}
