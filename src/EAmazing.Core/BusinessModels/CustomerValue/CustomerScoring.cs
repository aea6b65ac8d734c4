using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// <c>eamazing score customers --as-of DATE</c>: every customer with a purchase before the as-of day, scored by the
/// customer-value champion over its horizon, written as the as-of month's partition of <c>gold_customer_scores</c>
/// (pseudonyms only). The rows pass through a temporary CSV beside the partition, removed before returning.
/// </summary>
public sealed class CustomerScoring : IBatchScorer
{
    public string Name => "customers";

    public string Description => "Score every customer with the customer-value champion as of a day: probability alive, expected purchases, spend and value over its horizon";

    public GoldTable Table => CustomerScoresTable.Table;

    public BatchScoreOutcome Score(BatchScoringContext context, DateOnly? day, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var card = context.Registry.Champion(CustomerValueModel.RegistryName)
            ?? throw new InvalidOperationException($"{CustomerValueModel.RegistryName} has no champion: run eamazing train value, then eamazing models promote {CustomerValueModel.RegistryName} VERSION");
        var lake = context.Lake;
        var (first, last) = CustomerHistory.Span(lake);
        var covered = CustomerHistory.CoveredUntil(last);
        // Without a date: the latest day whose events before it the lake holds in full.
        var asOf = day is { } given ? given.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : covered;

        if (asOf > covered || asOf <= first.Date)
        {
            throw new ArgumentException($"--as-of {asOf:yyyy-MM-dd} needs the lake's events of the days before it, and the lake holds {first:yyyy-MM-dd}..{covered.AddDays(-1):yyyy-MM-dd}: "
                + $"use a day from {first.Date.AddDays(1):yyyy-MM-dd} to {covered:yyyy-MM-dd}");
        }

        var fit = CustomerValueFit.Load(context.Registry.VersionFolder(card.Name, card.Version));
        progress?.Report($"customer histories as of {asOf:yyyy-MM-dd}");
        var rows = CustomerHistory.Load(lake, asOf, 0);
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"no customer bought before {asOf:yyyy-MM-dd}: nothing to score");
        }

        progress?.Report($"scoring {rows.Count:N0} customers with {card.Name} v{card.Version}");
        var month = asOf.AddDays(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var partition = new GoldPartitionWriter(lake, Table, month);
        var count = partition.Write(CustomerScoresTable.Columns, writer => WriteRows(writer, rows, fit, card.Version, asOf),
            csv => $"""
                SELECT user_id, as_of_time, model_version, horizon_days, frequency, recency_days, age_days, monetary_value,
                    probability_alive, expected_purchases, expected_spend, expected_value
                FROM read_csv('{LakeSql.Literal(csv)}', header = true, columns = {Columns})
                ORDER BY user_id
                """,
            $"{card.Name} v{card.Version}", $"{card.Name}/{card.Version}/{asOf:yyyy-MM-dd}", clock);
        var value = rows.Count == 0 ? 0 : rows.Sum(r => fit.Predict(r.Summary, fit.HorizonDays).ExpectedValue);
        return new BatchScoreOutcome(Table.Name, partition.Partition, count,
            [string.Create(CultureInfo.InvariantCulture, $"{card.Name} v{card.Version}: {count:N0} customers scored as of {asOf:yyyy-MM-dd} over {fit.HorizonDays} days, expected value {value:N0} in total")]);
    }

    public object? Lookup(IScratchDatabase scratch, LakeLayout lake, string pseudonym) =>
        LatestGoldRow.OfUser(scratch, lake, Table.Name, "as_of_time, model_version, horizon_days, probability_alive, expected_purchases, expected_spend, expected_value", pseudonym,
            r => new CustomerScoreOfUser(r.GetDateTime(0), r.GetInt32(1), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6)));

    private const string Columns = """
        {'user_id': 'VARCHAR', 'as_of_time': 'TIMESTAMP', 'model_version': 'INTEGER', 'horizon_days': 'INTEGER', 'frequency': 'INTEGER',
         'recency_days': 'DOUBLE', 'age_days': 'DOUBLE', 'monetary_value': 'DOUBLE', 'probability_alive': 'DOUBLE',
         'expected_purchases': 'DOUBLE', 'expected_spend': 'DOUBLE', 'expected_value': 'DOUBLE'}
        """;

    private static void WriteRows(TextWriter writer, IReadOnlyList<CustomerHistory.Row> rows, CustomerValueFit fit, int version, DateTime asOf)
    {
        var at = asOf.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var r in rows)
        {
            var p = fit.Predict(r.Summary, fit.HorizonDays);
            var s = r.Summary;
            // Pseudonyms are hex digests: no comma or quote to escape.
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.User},{at},{version},{fit.HorizonDays},{s.Frequency},{s.Recency:R},{s.Age:R},{s.MonetaryValue:R},{p.ProbabilityAlive:R},{p.ExpectedPurchases:R},{p.ExpectedSpend:R},{p.ExpectedValue:R}"));
        }
    }
}
