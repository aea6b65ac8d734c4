using System.Globalization;
using System.IO.Compression;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// The generated world's expected demand per category and day (<c>truth/demand_daily.csv.gz</c>): the forecast no method
/// can beat, because what is left is the world's own noise. Aligned on a history's days; a category or day the truth does
/// not list has expectation zero (the world writes only non-zero days).
/// </summary>
public sealed class DemandOracle
{
    private readonly Dictionary<string, (double[] Purchases, double[] Views)> _byCategory;

    private DemandOracle(Dictionary<string, (double[] Purchases, double[] Views)> byCategory) => _byCategory = byCategory;

    public int Categories => _byCategory.Count;

    /// <returns>Null when the folder holds no demand truth (real data).</returns>
    public static DemandOracle? Load(string? truthFolder, DateOnly first, int days)
    {
        var path = truthFolder is null ? null : Path.Combine(truthFolder, TruthFiles.DemandDaily);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var byCategory = new Dictionary<string, (double[] Purchases, double[] Views)>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = reader.ReadLine();
        if (header != TruthFiles.DemandHeader)
        {
            throw new InvalidDataException($"{path}: line 1 is '{header}', expected '{TruthFiles.DemandHeader}'");
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var f = text.Split(',');
            if (f.Length != 5 || !DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var purchases)
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var views))
            {
                throw new InvalidDataException($"{path}: line {line} is not date,category_id,category_code,expected_purchases,expected_views");
            }

            var d = date.DayNumber - first.DayNumber;
            if (d < 0 || d >= days)
            {
                continue;
            }

            if (!byCategory.TryGetValue(f[1], out var series))
            {
                series = (new double[days], new double[days]);
                byCategory[f[1]] = series;
            }

            series.Purchases[d] = purchases;
            series.Views[d] = views;
        }

        return new DemandOracle(byCategory);
    }

    /// <summary>The expected values of a category-level series, or null for a target or level the truth does not cover.</summary>
    public double[]? Expected(DemandSeries series, DemandTarget target)
    {
        if (series.Level != DemandSeries.CategoryLevel || target == DemandTarget.Revenue)
        {
            return null;
        }

        var days = series.Purchases.Length;
        return _byCategory.TryGetValue(series.Key, out var s)
            ? target == DemandTarget.Purchases ? s.Purchases : s.Views
            : new double[days];
    }
}
