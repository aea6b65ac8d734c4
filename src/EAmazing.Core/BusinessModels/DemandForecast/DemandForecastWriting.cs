using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// <c>eamazing forecast --horizon N</c>: the demand champion forecasts every series from the day after the lake's last
/// day, written as the partition of <c>gold_demand_forecast</c> for the month of the first forecast day (a rerun in the
/// same month replaces it). The rows pass through a temporary CSV beside the partition, removed before returning; the
/// partition appears whole or not at all.
/// </summary>
public sealed class DemandForecastWriting : IForecastWriter
{
    public GoldTable Table => DemandForecastTable.Table;

    public BatchScoreOutcome Write(BatchScoringContext context, int horizon, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var card = context.Registry.Champion(DemandForecastModel.RegistryName)
            ?? throw new InvalidOperationException($"{DemandForecastModel.RegistryName} has no champion: run eamazing train forecast, then eamazing models promote {DemandForecastModel.RegistryName} VERSION");
        var fit = DemandForecastFit.Load(context.Registry.VersionFolder(card.Name, card.Version));
        var lake = context.Lake;
        progress?.Report("reading gold demand_daily");
        var history = DemandHistory.Load(lake);
        progress?.Report($"forecasting {history.Series.Count:N0} series {horizon} days ahead with {fit.Method}");
        var points = DemandForecaster.Forecast(history, fit, horizon);

        var first = history.Last.AddDays(1);
        var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var partition = new GoldPartitionWriter(lake, Table, month);
        var count = partition.Write(DemandForecastTable.Columns, writer => WriteRows(writer, points, card.Version, fit.Method, first),
            csv => $"""
                SELECT {string.Join(", ", DemandForecastTable.Columns)}
                FROM read_csv('{LakeSql.Literal(csv)}', header = true, columns = {ColumnTypes})
                ORDER BY level, category_key, target, day
                """,
            $"{card.Name} v{card.Version}", $"{card.Name}/{card.Version}/{first:yyyy-MM-dd}/{horizon}", clock);
        var fallbacks = points.Where(p => p.Note.Length > 0 && p.Step == 1 && p.Target == DemandTarget.Purchases).GroupBy(p => p.Note).ToList();
        var purchases = points.Where(p => p.Target == DemandTarget.Purchases && p.Series.Level == DemandSeries.TopCategoryLevel).Sum(p => p.Point);
        return new BatchScoreOutcome(Table.Name, partition.Partition, count,
        [
            string.Create(CultureInfo.InvariantCulture, $"{card.Name} v{card.Version} ({fit.Method}): {history.Series.Count:N0} series forecast {first:yyyy-MM-dd}..{first.AddDays(horizon - 1):yyyy-MM-dd} with 80% and 95% intervals; {purchases:N0} purchases expected in all"),
            .. fallbacks.Select(g => $"{g.Count():N0} series: {g.Key}"),
            .. history.FilledDays.Count == 0 ? Array.Empty<string>() : [$"{history.FilledDays.Count} day(s) without any demand row were filled with the value of a week before: {string.Join(", ", history.FilledDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}"],
        ]);
    }

    public bool HasForecast(LakeLayout lake) => GoldLayout.Files(lake, Table.Name).Count > 0;

    /// <summary>The latest forecast (greatest as_of_time) of one key, read from the table's Parquet files on disk.</summary>
    public object? Lookup(IScratchDatabase scratch, LakeLayout lake, string key, string? target = null)
    {
        var files = GoldLayout.Files(lake, Table.Name);
        if (files.Count == 0)
        {
            return null;
        }

        var rows = new List<(string Level, string Top, DateTime AsOf, int Version, string Method, string Target, ForecastDay Day)>();
        var epoch = new DateOnly(1970, 1, 1);
        scratch.ForEachRow($"""
            WITH mine AS (SELECT * FROM {LakeSql.ReadParquet(files)} WHERE category_key = '{LakeSql.Literal(key)}'{(target is null ? "" : $" AND target = '{LakeSql.Literal(target)}'")})
            SELECT level, top_category, as_of_time, model_version, method, target, CAST(datediff('day', DATE '1970-01-01', day) AS INTEGER), step,
                   forecast, lower_80, upper_80, lower_95, upper_95, is_sale_day, is_month_end, coalesce(note, '')
            FROM mine WHERE as_of_time = (SELECT max(as_of_time) FROM mine)
            ORDER BY level, target, day
            """, r => rows.Add((r.GetString(0), r.GetString(1), r.GetDateTime(2), r.GetInt32(3), r.GetString(4), r.GetString(5),
                new ForecastDay(epoch.AddDays(r.GetInt32(6)), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9), r.GetDouble(10), r.GetDouble(11), r.GetDouble(12),
                    r.GetBoolean(13), r.GetBoolean(14), r.GetString(15)))));
        if (rows.Count == 0)
        {
            return null;
        }

        // A category id and a top-level name never collide, but if a key held both levels the category level wins.
        var level = rows.Any(r => r.Level == DemandSeries.CategoryLevel) ? DemandSeries.CategoryLevel : rows[0].Level;
        var chosen = rows.Where(r => r.Level == level).ToList();
        return new CategoryForecast(level, key, chosen[0].Top, DateTime.SpecifyKind(chosen[0].AsOf, DateTimeKind.Utc), chosen[0].Version, chosen[0].Method,
            chosen.GroupBy(r => r.Target).ToDictionary(g => g.Key, g => (IReadOnlyList<ForecastDay>)g.Select(r => r.Day).ToList()));
    }

    private const string ColumnTypes = """
        {'level': 'VARCHAR', 'category_key': 'VARCHAR', 'top_category': 'VARCHAR', 'target': 'VARCHAR', 'day': 'DATE', 'as_of_time': 'TIMESTAMP',
         'step': 'INTEGER', 'model_version': 'INTEGER', 'method': 'VARCHAR', 'forecast': 'DOUBLE', 'lower_80': 'DOUBLE', 'upper_80': 'DOUBLE',
         'lower_95': 'DOUBLE', 'upper_95': 'DOUBLE', 'weekday': 'INTEGER', 'is_sale_day': 'BOOLEAN', 'is_month_end': 'BOOLEAN', 'note': 'VARCHAR'}
        """;

    private static void WriteRows(TextWriter writer, IReadOnlyList<ForecastPoint> points, int version, string method, DateOnly first)
    {
        // The forecast is made as of the first forecast day's midnight: every day before it is known.
        var asOf = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00";
        foreach (var p in points)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Quote(p.Series.Level)},{Quote(p.Series.Key)},{Quote(p.Series.TopCategory)},{p.Target.Name()},{p.Day:yyyy-MM-dd},{asOf},{p.Step},{version},{method},"
                + $"{p.Point:R},{p.Lower80:R},{p.Upper80:R},{p.Lower95:R},{p.Upper95:R},{ForecastCalendar.Weekday(p.Day)},{ForecastCalendar.IsSaleDay(p.Day)},{ForecastCalendar.IsMonthEnd(p.Day)},{Quote(p.Note)}"));
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
