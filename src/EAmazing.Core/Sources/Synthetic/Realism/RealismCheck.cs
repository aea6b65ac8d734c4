using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Realism;

/// <summary>
/// Compares generated data with the real REES46 rows: the night-time window of the real October head
/// file (00:00–02:50 UTC) against the same hours of every generated day, and month-wide figures
/// against the published measurements of the full October file.
/// </summary>
public static class RealismCheck
{
    public static readonly TimeSpan WindowEnd = new(2, 50, 0);

    /// <summary>Month-wide events read at most, to bound memory on month and full scales.</summary>
    public const int MonthWideEventLimit = 4_000_000;

    public static IReadOnlyList<RealismFigure> Compare(string generatedDirectory, string realFile)
    {
        var real = new EventStatistics();
        foreach (var e in Rees46FileReader.ReadEvents(realFile))
        {
            real.Add(e);
        }

        var window = new EventStatistics();
        var month = new EventStatistics();
        var firstFile = Directory.EnumerateFiles(generatedDirectory, "*.csv*")
            .Where(f => !f.Contains(".tmp", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .OrderBy(f => MonthOrder(Path.GetFileName(f)))
            .FirstOrDefault() ?? throw new FileNotFoundException($"no generated .csv or .csv.gz file in {generatedDirectory}");
        foreach (var e in Rees46FileReader.ReadEvents(firstFile))
        {
            if (e.EventTime.TimeOfDay <= WindowEnd)
            {
                window.Add(e);
            }

            if (month.Events < MonthWideEventLimit)
            {
                month.Add(e);
            }
        }

        var figures = new List<RealismFigure>();
        void W(string name, Func<EventStatistics, double> f) =>
            figures.Add(new RealismFigure("night window", name, f(window), f(real), "real head file"));

        W("view share", s => s.Share(s.Views));
        W("cart share", s => s.Share(s.Carts));
        W("purchase share", s => s.Share(s.Purchases));
        W("empty category_code share", s => s.Share(s.EmptyCategoryCode));
        W("empty brand share", s => s.Share(s.EmptyBrand));
        W("price p5", s => s.PriceQuantile(0.05));
        W("price p25", s => s.PriceQuantile(0.25));
        W("price median", s => s.PriceQuantile(0.5));
        W("price p75", s => s.PriceQuantile(0.75));
        W("price p95", s => s.PriceQuantile(0.95));
        W("price p99", s => s.PriceQuantile(0.99));
        W("price max", s => s.PriceQuantile(1));
        W("zero-price share", s => s.ZeroPriceShare);
        W("events per session, mean", s => s.EventsPerSessionMean);
        W("events per session, median", s => s.EventsPerSessionMedian);
        W("single-event session share", s => s.SingleEventSessionShare);
        W("sessions per user", s => s.SessionsPerUser);
        W("consecutive repeat share", s => s.RepeatShare);
        W("exact duplicate share", s => s.Share(s.ExactDuplicates));
        W("multi-user session share", s => s.MultiUserSessionShare);

        void M(string name, double generated, double published, string source) =>
            figures.Add(new RealismFigure("month-wide", name, generated, published, source));

        M("view share", month.Share(month.Views), 0.9605, "real Oct-2019 (42.4M events)");
        M("cart share", month.Share(month.Carts), 0.022, "real Oct-2019");
        M("purchase share", month.Share(month.Purchases), 0.0175, "real Oct-2019");
        M("sessions with a purchase", month.PurchaseSessionShare, 0.0703, "purchase-prediction report");
        M("cart sessions ending without purchase", month.CartAbandonment, 0.696, "cart-abandonment thesis");
        M("item popularity Gini", month.ItemGini, 0.86, "Transformers4Rec, Table 1");
        M("session length, repeats removed, len >= 2", month.DeduplicatedSessionLength, 5.49, "Transformers4Rec, Table 1");
        return figures;
    }

    private static int MonthOrder(string fileName) =>
        DateTime.TryParseExact(fileName[..8], "yyyy-MMM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? (d.Year * 12) + d.Month
            : int.MaxValue;

    /// <summary>Folder holding ground truth for a generated dataset.</summary>
    public static string TruthFolder(string generatedDirectory) => Path.Combine(generatedDirectory, TruthFiles.Folder);
}
