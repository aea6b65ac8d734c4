using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// <c>eamazing score churn --as-of DATE</c>: every user of a weekly snapshot scored by the churn champion, ranked for the
/// retention campaign (expected profit from the churn probability and the value of keeping the user) and written as the
/// snapshot month's partition of <c>gold_churn_scores</c> (pseudonyms only). The value of keeping a user is the customer-value
/// model's expected value where <c>gold_customer_scores</c> holds one (the scored run nearest the snapshot), else the configured
/// kept value. The snapshot streams through in batches into a temporary CSV beside the partition, removed before returning.
/// </summary>
public sealed class ChurnScoring : IBatchScorer
{
    /// <summary>Feature rows held at once while scoring: bounds the memory of a snapshot of any size.</summary>
    private readonly int _batchRows;

    public ChurnScoring()
        : this(65_536)
    {
    }

    /// <summary>A scorer holding at most <paramref name="batchRows"/> feature rows at once (tests cross batch boundaries on small lakes).</summary>
    internal ChurnScoring(int batchRows) => _batchRows = batchRows;

    /// <summary>The customer-value scores' gold view and column: a data contract through the lake, not a dependency on that model's code.</summary>
    public const string CustomerValueView = "gold_customer_scores";

    private const string CustomerValueColumn = "expected_value";

    public string Name => "churn";

    public string Description => "Score every user of a weekly snapshot with the churn champion and pick whom the retention campaign contacts";

    public GoldTable Table => ChurnScoresTable.Table;

    public BatchScoreOutcome Score(BatchScoringContext context, DateOnly? day, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var card = context.Registry.Champion(ChurnModel.RegistryName)
            ?? throw new InvalidOperationException($"{ChurnModel.RegistryName} has no champion: run eamazing train churn, then eamazing models promote {ChurnModel.RegistryName} VERSION");
        var lake = context.Lake;
        var snapshots = lake.Query($"SELECT DISTINCT {GoldTable.AsOfColumn} FROM {GoldTables.UserSnapshots.ViewName} ORDER BY 1").Rows.Select(r => (DateTime)r[0]!).ToList();
        if (snapshots.Count == 0)
        {
            throw new InvalidOperationException($"{GoldTables.UserSnapshots.ViewName} holds no snapshot: run eamazing features build first");
        }

        var asOf = day is { } given ? given.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : snapshots[^1];
        if (!snapshots.Contains(asOf))
        {
            throw new ArgumentException($"--as-of {asOf:yyyy-MM-dd} is not a snapshot day: churn is scored on the weekly user snapshots, "
                + $"{snapshots[0]:yyyy-MM-dd} to {snapshots[^1]:yyyy-MM-dd} ({snapshots[0]:dddd}s) on this lake");
        }

        var campaign = context.Campaign ?? new CampaignOptions();
        var model = TrainedModelStore.Load(context.Registry.VersionFolder(card.Name, card.Version), card);
        var (values, valueAsOf) = KeptValues(lake, asOf);
        var purchasedColumn = card.Features.ToList().IndexOf("frequency_purchases");
        var recencyColumn = card.Features.ToList().IndexOf(RecencyRule.Feature);
        var month = asOf.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var partition = new GoldPartitionWriter(lake, Table, month);
        var at = asOf.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var scored = new List<float>();
        var keptValues = new List<double>();
        var valued = 0;
        CampaignCurve? curve = null;
        var count = partition.Write(StagedColumns, writer =>
            {
                // The snapshot streams through in batches (read, score, write), so memory holds one batch of feature rows, not
                // the whole snapshot; the campaign rank needs every probability and is given by the engine when it writes Parquet.
                progress?.Report($"scoring the snapshot of {asOf:yyyy-MM-dd} with {card.Name} v{card.Version}");
                using var reader = lake.Open($"SELECT user_id, {string.Join(", ", card.Features)} FROM {GoldTables.UserSnapshots.ViewName} WHERE {GoldTable.AsOfColumn} = {FeatureSql.Timestamp(asOf)} ORDER BY user_id");
                var cells = new object?[reader.Columns.Count];
                var users = new List<string>(_batchRows);
                var rows = new List<float[]>(_batchRows);
                bool more;
                do
                {
                    more = reader.Read(cells);
                    if (more)
                    {
                        users.Add(cells[0]?.ToString() ?? string.Empty);
                        rows.Add(cells.Skip(1).Select(ToFloat).ToArray());
                    }

                    if (rows.Count == _batchRows || (!more && rows.Count > 0))
                    {
                        var probabilities = model.PredictProbabilities(rows);
                        for (var i = 0; i < rows.Count; i++)
                        {
                            var kept = values.TryGetValue(users[i], out var value) ? value : campaign.KeptCustomerValue;
                            valued += values.ContainsKey(users[i]) ? 1 : 0;
                            scored.Add(probabilities[i]);
                            keptValues.Add(kept);
                            var purchased = purchasedColumn >= 0 && rows[i][purchasedColumn] > 0;
                            var recency = recencyColumn >= 0 && !float.IsNaN(rows[i][recencyColumn]) ? rows[i][recencyColumn].ToString("R", CultureInfo.InvariantCulture) : "";
                            // Pseudonyms are hex digests: no comma or quote to escape.
                            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"{users[i]},{at},{card.Version},{probabilities[i]:R},{(purchased ? "true" : "false")},{recency},{kept:R}"));
                        }

                        progress?.Report($"scored {scored.Count:N0} users with {card.Name} v{card.Version}");
                        users.Clear();
                        rows.Clear();
                    }
                }
                while (more);

                curve = CampaignEconomics.Curve(scored.Select(p => (double)p).ToList(), campaign, keptValues);
            },
            // Rank 1 is the highest probability, ties in user order: the order the users were read and scored in.
            csv => $"""
                SELECT {string.Join(", ", StagedColumns)}, campaign_rank, campaign_rank <= {curve!.Best.Targeted} AS targeted
                FROM (
                    SELECT *, CAST(row_number() OVER (ORDER BY churn_probability DESC, user_id) AS INTEGER) AS campaign_rank
                    FROM read_csv('{LakeSql.Literal(csv)}', header = true, columns = {StagedColumnTypes}))
                ORDER BY user_id
                """,
            $"{card.Name} v{card.Version}", $"{card.Name}/{card.Version}/{asOf:yyyy-MM-dd}", clock);
        var probabilities = scored.ToArray();
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToArray();
        var profit = ExpectedProfit(order.Take(curve!.Best.Targeted).ToList(), probabilities, keptValues, campaign);
        return new BatchScoreOutcome(Table.Name, partition.Partition, count,
        [
            string.Create(CultureInfo.InvariantCulture, $"{card.Name} v{card.Version}: {count:N0} users of the snapshot {asOf:yyyy-MM-dd} scored, mean churn probability {probabilities.Average(p => p):0.000}"),
            string.Create(CultureInfo.InvariantCulture, $"campaign (offer {campaign.OfferCost}, acceptance {campaign.AcceptanceRate:0.##}): contact the {curve.Best.Targeted:N0} users ranked first ({curve.Best.Share:P1}), expected profit {ChurnCampaign.Money(profit)}"),
            valueAsOf is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"kept value: {CustomerValueView}.{CustomerValueColumn} as of {v:yyyy-MM-dd} for {valued:N0} users, {campaign.KeptCustomerValue} (EAmazing:Campaign) for the rest")
                : string.Create(CultureInfo.InvariantCulture, $"kept value: {campaign.KeptCustomerValue} (EAmazing:Campaign) for every user ({CustomerValueView} holds no scores: run eamazing score customers for per-customer values)"),
        ]);
    }

    public object? Lookup(IScratchDatabase scratch, LakeLayout lake, string pseudonym) =>
        LatestGoldRow.OfUser(scratch, lake, Table.Name, "as_of_time, model_version, churn_probability, kept_value, campaign_rank, targeted", pseudonym,
            r => new ChurnScoreOfUser(r.GetDateTime(0), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4), r.GetBoolean(5)));

    /// <summary>
    /// The expected profit of contacting these users and its 95% interval: each contacted user who would leave is kept
    /// (acceptance × value) with the model's probability, independently, so the variance is Σ (acceptance × value)² p (1 − p).
    /// </summary>
    internal static Foundation.Statistics.ConfidenceInterval ExpectedProfit(IReadOnlyList<int> contacted, IReadOnlyList<float> probabilities, IReadOnlyList<double> kept, CampaignOptions campaign)
    {
        var mean = 0.0;
        var variance = 0.0;
        foreach (var i in contacted)
        {
            var gain = campaign.AcceptanceRate * kept[i];
            mean += (probabilities[i] * gain) - campaign.OfferCost;
            variance += gain * gain * probabilities[i] * (1 - probabilities[i]);
        }

        var half = 1.96 * Math.Sqrt(variance);
        return new(mean, mean - half, mean + half);
    }

    /// <summary>The staged CSV's columns: the table's, less the campaign rank and choice the engine adds.</summary>
    private static readonly string[] StagedColumns = [.. ChurnScoresTable.Columns.Where(c => c is not ("campaign_rank" or "targeted"))];

    private const string StagedColumnTypes = """
        {'user_id': 'VARCHAR', 'as_of_time': 'TIMESTAMP', 'model_version': 'INTEGER', 'churn_probability': 'DOUBLE', 'has_purchased': 'BOOLEAN',
         'days_since_last_purchase': 'DOUBLE', 'kept_value': 'DOUBLE'}
        """;

    /// <summary>Each customer's expected value from the customer-value scores nearest the snapshot, and their as-of time (none: empty, null).</summary>
    private static (IReadOnlyDictionary<string, double> Values, DateTime? AsOf) KeptValues(IGoldEngine lake, DateTime asOf)
    {
        if (!lake.Views().Any(v => v.Name == CustomerValueView))
        {
            return (new Dictionary<string, double>(), null);
        }

        var nearest = lake.Query($"""
            SELECT {GoldTable.AsOfColumn} FROM {CustomerValueView} GROUP BY 1
            ORDER BY abs(date_diff('second', {GoldTable.AsOfColumn}, {FeatureSql.Timestamp(asOf)})), 1 LIMIT 1
            """).Rows.Select(r => (DateTime)r[0]!).FirstOrDefault();
        if (nearest == default)
        {
            return (new Dictionary<string, double>(), null);
        }

        var values = lake.Query($"SELECT user_id, {CustomerValueColumn} FROM {CustomerValueView} WHERE {GoldTable.AsOfColumn} = {FeatureSql.Timestamp(nearest)}")
            .Rows.Where(r => r[1] is not null).ToDictionary(r => r[0]!.ToString()!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return (values, nearest);
    }

    private static float ToFloat(object? value) => value switch
    {
        null => float.NaN,
        bool b => b ? 1 : 0,
        IConvertible c => Convert.ToSingle(c, CultureInfo.InvariantCulture),
        _ => float.NaN,
    };
}
