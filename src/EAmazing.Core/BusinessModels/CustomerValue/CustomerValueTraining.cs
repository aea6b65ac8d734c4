using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;
using EAmazing.Sources.Synthetic.Oracle;
using EAmazing.Sources.Synthetic.Truth;
using static EAmazing.BusinessModels.CustomerValue.CustomerValueMetrics;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// One customer-value training run: histories as of the calibration end, both maximum-likelihood fits, holdout
/// predictions beside the baselines (the naive "past rate continues": each customer's purchases per day of the
/// calibration period; the average customer: the cohort's repeat-purchase rate for everyone) and the oracle, a registry
/// version with card and report. A fit that does not converge registers nothing, so the champion stays.
/// </summary>
public sealed class CustomerValueTraining(TrainingContext context)
{
    public const string Family = "bg-nbd+gamma-gamma";
    public const string Naive = "naive_past_rate";
    public const string Average = "average_customer";
    public const string Oracle = "oracle";

    /// <summary>Simulated futures per customer for the oracle (its standard error is reported beside it).</summary>
    public const int OracleReplicates = 30;

    public TrainingOutcome Run(CustomerValueRequest request, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var (first, last) = CustomerHistory.Span(context.Lake);
        var covered = CustomerHistory.CoveredUntil(last);
        var end = request.CalibrationEnd ?? covered.AddDays(-request.HoldoutDays);
        Check(end, first, covered, request.HoldoutDays);

        progress?.Report($"customer histories as of {end:yyyy-MM-dd}");
        var rows = CustomerHistory.Load(context.Lake, end, request.HoldoutDays);
        if (rows.Count < 20)
        {
            throw new InvalidOperationException($"{rows.Count} customers bought before {end:yyyy-MM-dd}: too few to fit a customer-value model (20 at least)");
        }

        var summaries = rows.Select(r => r.Summary).ToList();
        progress?.Report($"fitting BG/NBD on {rows.Count:N0} customers");
        var (purchases, purchaseFit) = BgNbdModel.Fit(summaries);
        progress?.Report("fitting Gamma-Gamma");
        var (spend, spendFit) = GammaGammaModel.Fit(summaries);
        var champion = context.Registry.Champion(CustomerValueModel.RegistryName);
        if (purchases is null || spend is null)
        {
            var which = purchases is null ? $"BG/NBD: {purchaseFit.Message}" : $"Gamma-Gamma: {spendFit.Message}";
            throw new InvalidOperationException($"the fit did not converge ({which}); no version was registered, "
                + (champion is null ? "and there is no champion yet" : $"the champion v{champion.Version} stays"));
        }

        var fit = new CustomerValueFit(purchases, spend, request.HorizonDays, end);
        var holdout = request.HoldoutDays;
        var predictions = summaries.Select(s => fit.Predict(s, holdout)).ToList();
        var calibrationDays = (end - first).TotalDays;
        var repeatRate = summaries.Sum(s => s.Frequency) / Math.Max(1e-9, summaries.Sum(s => s.Age));
        var methods = new Dictionary<string, IReadOnlyList<double>>
        {
            [Family] = predictions.Select(p => p.ExpectedPurchases).ToList(),
            [Naive] = summaries.Select(s => (s.Frequency + 1) / calibrationDays * holdout).ToList(),
            [Average] = summaries.Select(_ => repeatRate * holdout).ToList(),
        };
        var revenuePerPurchase = rows.Sum(r => r.CalibrationRevenue) / summaries.Sum(s => s.Frequency + 1);
        var revenue = new Dictionary<string, IReadOnlyList<double>>
        {
            [Family] = predictions.Select(p => p.ExpectedPurchases * p.ExpectedSpend).ToList(),
            [Naive] = rows.Select(r => r.CalibrationRevenue / calibrationDays * holdout).ToList(),
            [Average] = rows.Select(_ => repeatRate * holdout * revenuePerPurchase).ToList(),
        };

        var notes = new List<TrainingNote>
        {
            new($"BG/NBD r={purchases.R:0.###} alpha={purchases.Alpha:0.###} a={purchases.A:0.###} b={purchases.B:0.###} ({purchaseFit.Iterations} iterations, mean log-likelihood {purchaseFit.MeanLogLikelihood:0.####}); "
                + $"Gamma-Gamma p={spend.P:0.###} q={spend.Q:0.###} gamma={spend.Gamma:0.###} (mean spend per purchase {spend.PopulationMeanSpend:0.##})"),
            new($"calibration {first:yyyy-MM-dd}..{end:yyyy-MM-dd} ({rows.Count:N0} customers, {summaries.Count(s => s.Frequency > 0):N0} with repeat purchases); holdout {end:yyyy-MM-dd}..{end.AddDays(holdout):yyyy-MM-dd} ({holdout} days)"),
        };
        // A systematic sample of customers asks the oracle (30 simulated futures each: seven full-scale months' 2.3M
        // customers took about 8 minutes on one core); the methods are measured beside it on the same customers.
        var asked = SystematicSample.Of(Enumerable.Range(0, rows.Count).ToList(), request.OracleCustomers);
        var oracle = OracleExpectations(request, rows, asked, end, progress);
        ConfidenceInterval? oracleMae = null;
        var onOracleCustomers = "";
        var known = oracle is null ? [] : Enumerable.Range(0, rows.Count).Where(i => oracle[i] is not null).ToList();
        if (oracle is not null && known.Count == 0)
        {
            notes.Add(new($"oracle: none of the {asked.Count:N0} customers asked is a user of the world in --truth (another world's truth, or another pseudonym key): no oracle"));
        }
        else if (oracle is not null)
        {
            var pairs = known.Select(i => new Pair(oracle[i]!.Value.ExpectedPurchaseSessions, rows[i].HoldoutPurchases, 0, 0)).ToList();
            oracleMae = Bootstrap.Interval(pairs, Mae, 300, request.Seed);
            if (known.Count == rows.Count)
            {
                methods[Oracle] = oracle.Select(o => o!.Value.ExpectedPurchaseSessions).ToList();
            }
            else
            {
                onOracleCustomers = string.Join(", ", methods.Select(m =>
                    $"{m.Key} {Mae(known.Select(i => new Pair(m.Value[i], rows[i].HoldoutPurchases, 0, 0)).ToList()):0.0000}"));
            }

            var answered = asked.Count == rows.Count
                ? $"MAE {oracleMae} on {known.Count:N0} customers"
                : $"asked of a systematic sample of {asked.Count:N0} of the {rows.Count:N0} customers (every (n / {request.OracleCustomers:N0})-th customer; "
                    + $"--{CustomerValueModel.OracleCustomers.Name}), {known.Count:N0} matched: MAE {oracleMae}";
            notes.Add(new($"oracle (the world's expected purchase sessions given its state at the calibration end, {OracleReplicates} simulated futures each, "
                + $"mean standard error {known.Average(i => oracle[i]!.Value.ExpectedStandardError):0.###} per customer): {answered}"
                + (onOracleCustomers.Length == 0 ? "" : $"; on the same customers {onOracleCustomers}")));
        }

        var pairsOf = methods.Where(m => m.Key != Oracle).ToDictionary(m => m.Key,
            m => (IReadOnlyList<Pair>)rows.Select((r, i) => new Pair(m.Value[i], r.HoldoutPurchases, revenue[m.Key][i], r.HoldoutRevenue)).ToList());
        // Each method's bootstrap is its own seeded pass, so they run side by side with the same intervals.
        var bootstrapped = pairsOf.AsParallel().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(p => (p.Key, Estimates: Estimates(p.Value, request.Seed))).ToDictionary(p => p.Key, p => p.Estimates);
        var estimates = pairsOf.Keys.ToDictionary(k => k, k => bootstrapped[k]);
        double? championMae = null;
        if (champion is not null)
        {
            var previous = CustomerValueFit.Load(context.Registry.VersionFolder(champion.Name, champion.Version));
            championMae = Mae(rows.Select((r, i) => new Pair(previous.Predict(summaries[i], holdout).ExpectedPurchases, r.HoldoutPurchases, 0, 0)).ToList());
        }

        var groups = FrequencyGroup.Of(summaries.Select(s => s.Frequency).ToList(), rows.Select(r => r.HoldoutPurchases).ToList(), methods);
        var campaign = CampaignEconomics.Curve(predictions.Select(p => 1 - p.ProbabilityAlive).ToList(), request.Campaign);
        notes.Add(new($"campaign view (leaving = 1 − P(alive); offer {request.Campaign.OfferCost}, acceptance {request.Campaign.AcceptanceRate:0.##}, kept customer {request.Campaign.KeptCustomerValue}): "
            + $"best share {campaign.Best.Share:P1} ({campaign.Best.Targeted:N0} customers), expected profit {campaign.Best.ExpectedProfit:N0}"));

        var sources = context.Lake.Query($"SELECT DISTINCT path || '@' || fingerprint FROM gold_partitions WHERE table_name = '{GoldTables.Sessions.Name}' ORDER BY 1")
            .Rows.Select(r => r[0]?.ToString() ?? string.Empty).ToList();
        var audit = new LeakageAuditSummary(true,
            $"by construction: the fit reads sessions starting before {end:yyyy-MM-dd} only, the holdout's sessions are read for evaluation only");
        var card = context.Registry.Register(CustomerValueModel.RegistryName,
            folder =>
            {
                var file = fit.Save(folder);
                CustomerValueReport.Write(Path.Combine(folder, "report"), fit, rows.Count, holdout, estimates, oracleMae, groups, campaign, notes);
                return file;
            },
            (version, file) => new ModelCard
            {
                Name = CustomerValueModel.RegistryName,
                Version = version,
                Kind = TaskKind.Forecast,
                Task = $"customer value: purchases in the {holdout} days after the calibration end (BG/NBD), spend per purchase (Gamma-Gamma); scores over {request.HorizonDays} days",
                GoldInputs = [GoldTables.Sessions.Name],
                Family = Family,
                Hyperparameters = new Dictionary<string, string>
                {
                    ["r"] = Invariant(purchases.R), ["alpha"] = Invariant(purchases.Alpha), ["a"] = Invariant(purchases.A), ["b"] = Invariant(purchases.B),
                    ["p"] = Invariant(spend.P), ["q"] = Invariant(spend.Q), ["gamma"] = Invariant(spend.Gamma),
                    ["horizon_days"] = Invariant(request.HorizonDays), ["holdout_days"] = Invariant(holdout),
                },
                Features = ["frequency", "recency_days", "age_days", "monetary_value"],
                ModelFile = file,
                CreatedAt = DateTime.UtcNow,
                Data = new DataWindow(first, end, end, end.AddDays(holdout), rows.Count, 0, rows.Count,
                    summaries.Count(s => s.Frequency > 0) / (double)rows.Count, sources),
                Estimates = estimates[Family],
                PrimaryMetric = PurchasesMae,
                Baselines = new Dictionary<string, double> { [Naive] = estimates[Naive][0].Value.Estimate, [Average] = estimates[Average][0].Value.Estimate },
                Families = estimates.ToDictionary(e => e.Key, e => e.Value[0].Value.Estimate),
                Oracle = oracleMae,
                ChampionOnThisWindow = championMae,
                LeakageAudit = audit,
                Alarms = [],
                Seed = request.Seed,
                CodeVersion = CodeVersion.Current,
                TrainingSeconds = clock.Elapsed.TotalSeconds,
            });

        var header = new[] { "method", PurchasesMae, PurchasesRmse, TotalRatio, RevenueMae };
        var table = estimates.Select(e => (IReadOnlyList<string>)[e.Key == Family ? e.Key + " *" : e.Key, .. e.Value.Select(v => v.Value.ToString())]).ToList();
        if (oracleMae is not null)
        {
            table.Add([Oracle, oracleMae.ToString(), "-", "-", "-"]);
        }

        var summary = $"holdout purchases MAE {estimates[Family][0].Value} vs naive {estimates[Naive][0].Value.Estimate:0.0000}, average {estimates[Average][0].Value.Estimate:0.0000}"
            + (oracleMae is null ? "" : $", oracle {oracleMae.Estimate:0.0000}")
            + (onOracleCustomers.Length == 0 ? "" : $" (on the customers the oracle answered: {onOracleCustomers})");
        return new TrainingOutcome(card, new ComparisonTable(header, table), notes, summary);
    }

    /// <summary>Refuses a calibration end whose holdout the lake does not hold completely, naming the dates it needs.</summary>
    public static void Check(DateTime end, DateTime first, DateTime covered, int holdoutDays)
    {
        if (end.TimeOfDay != TimeSpan.Zero)
        {
            throw new ArgumentException($"the calibration end must be a day (yyyy-MM-dd), not {end:yyyy-MM-dd HH:mm}");
        }

        var latest = covered.AddDays(-holdoutDays);
        if (end > latest)
        {
            throw new ArgumentException($"the calibration end {end:yyyy-MM-dd} needs events up to {end.AddDays(holdoutDays).AddDays(-1):yyyy-MM-dd} for its {holdoutDays}-day holdout, "
                + $"but the lake ends on {covered.AddDays(-1):yyyy-MM-dd}: use --calibration-end {latest:yyyy-MM-dd} or earlier");
        }

        if (end < first.Date.AddDays(7))
        {
            throw new ArgumentException($"the calibration end {end:yyyy-MM-dd} leaves less than 7 days of purchases before it: the lake starts on {first:yyyy-MM-dd}, use {first.Date.AddDays(7):yyyy-MM-dd} or later");
        }
    }

    /// <summary>The oracle's outlook of each asked customer it finds in the world (null for the others); null without a world.</summary>
    private PurchaseOutlook?[]? OracleExpectations(CustomerValueRequest request, IReadOnlyList<CustomerHistory.Row> rows, IReadOnlyList<int> asked, DateTime end, IProgress<string>? progress)
    {
        if (request.TruthFolder is null || context.Pseudonymiser is not { } pseudonymiser || !File.Exists(Path.Combine(request.TruthFolder, TruthFiles.World)))
        {
            return null;
        }

        progress?.Report($"oracle: simulating {asked.Count:N0} customers' holdout from the world's state");
        var world = WorldOracle.Load(request.TruthFolder).World;
        var oracle = new PurchaseOracle(world);
        // The lake holds pseudonyms only: the world's raw ids are pseudonymised with the lake's key to match, never kept.
        var raw = pseudonymiser.Matching(oracle.UserIds().ToArray(), asked.Select(i => rows[i].User).ToHashSet(StringComparer.Ordinal));
        var outlooks = new PurchaseOutlook?[rows.Count];
        foreach (var i in asked)
        {
            if (raw.TryGetValue(rows[i].User, out var id))
            {
                outlooks[i] = oracle.Outlook(id, end, request.HoldoutDays, OracleReplicates, request.Seed);
            }
        }

        return outlooks;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
