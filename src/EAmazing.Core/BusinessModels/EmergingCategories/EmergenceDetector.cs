namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// Ranks categories by evidence of sustained growth as of a day, using only the days up to it. A category absent from the
/// history's first weeks and seen recently with steady views is a launch. Any other category is judged by its share of
/// the store's daily views: a hinge change point (likelihood ratio, quasi-Poisson) gives the onset and the growth rate, a
/// Mann–Kendall test confirms the trend after the onset, and the latest week must still stand above the level before it
/// (a burst that has passed is not an emergence).
/// </summary>
public sealed class EmergenceDetector(DetectorSettings settings)
{
    private const int RecentDays = 7;

    public DetectorSettings Settings { get; } = settings;

    /// <summary>Every category with a row by <paramref name="asOf"/>, flagged ones first, each group by score.</summary>
    /// <exception cref="InvalidOperationException">Too little history before <paramref name="asOf"/>, or no category.</exception>
    public IReadOnlyList<EmergenceFlag> Detect(EmergenceHistory history, DateOnly asOf)
    {
        var last = history.IndexOf(asOf);
        if (last < 0 || last >= history.Days)
        {
            throw new InvalidOperationException($"as-of day {asOf:yyyy-MM-dd} is outside the history {history.First:yyyy-MM-dd}..{history.Last:yyyy-MM-dd}");
        }

        if (last + 1 < Settings.MinimumHistoryDays)
        {
            throw new InvalidOperationException($"{last + 1} days of history up to {asOf:yyyy-MM-dd} (from {history.First:yyyy-MM-dd}): "
                + $"emerging-category detection needs at least {Settings.MinimumHistoryDays} days to tell growth from noise");
        }

        if (history.Categories.Count == 0)
        {
            throw new InvalidOperationException("no category in the history: nothing to rank");
        }

        var flags = new List<EmergenceFlag>(history.Categories.Count);
        foreach (var category in history.Categories)
        {
            var flag = Judge(history, category, last);
            if (flag is not null)
            {
                flags.Add(flag);
            }
        }

        return [.. flags.OrderByDescending(f => f.Flagged).ThenBy(f => f.Signal).ThenByDescending(f => f.Score).ThenBy(f => f.CategoryKey, StringComparer.Ordinal)];
    }

    private EmergenceFlag? Judge(EmergenceHistory history, CategoryHistory category, int last)
    {
        var firstSeen = Array.FindIndex(category.Views, 0, last + 1, v => v > 0);
        if (firstSeen < 0)
        {
            return null;
        }

        var isNew = firstSeen >= Settings.NewAfterDays;
        if (isNew && last - firstSeen + 1 <= Settings.LaunchWindowDays)
        {
            return JudgeLaunch(history, category, firstSeen, last);
        }

        var from = Math.Max(isNew ? firstSeen : 0, last + 1 - Settings.LookbackDays);
        var counts = new ArraySegment<double>(category.Views, from, last - from + 1);
        var totals = new ArraySegment<double>(history.Totals, from, last - from + 1);
        var fit = HingeChangePoint.Fit(counts, totals, Settings.MinimumSegmentDays, Settings.MinimumSegmentDays);
        var recent = counts.TakeLast(RecentDays).Sum();
        if (fit.Onset < 0)
        {
            return new EmergenceFlag(category.CategoryKey, category.TopCategory, EmergenceSignal.Stable, 0, 1,
                history.First.AddDays(from), history.First.AddDays(firstSeen), 0, 0, 1, recent);
        }

        var after = Enumerable.Range(fit.Onset, counts.Count - fit.Onset).Select(t => Math.Log((counts[t] + 0.5) / totals[t])).ToList();
        var trend = MannKendall.Test(after).Z;

        // The latest week against the share before the onset, with the fit's dispersion.
        var before = counts.Take(fit.Onset).Sum() / totals.Take(fit.Onset).Sum();
        var expected = before * totals.TakeLast(RecentDays).Sum();
        var burst = expected > 0 ? (recent - expected) / Math.Sqrt(fit.Dispersion * expected) : 0;

        var growth = fit.GrowthPerMonth;
        var significant = fit.Evidence >= Settings.EvidenceThreshold;
        var signal = significant && fit.Slope > 0 && trend >= Settings.TrendZ && growth >= Settings.MinimumGrowthPerMonth && burst >= Settings.SustainedZ
            ? EmergenceSignal.Emerging
            : significant && fit.Slope < 0 && trend <= -Settings.TrendZ ? EmergenceSignal.Declining
            : burst >= Settings.BurstZ ? EmergenceSignal.Burst
            : EmergenceSignal.Stable;
        return new EmergenceFlag(category.CategoryKey, category.TopCategory, signal, Math.Sign(fit.Slope) * fit.Evidence, growth,
            history.First.AddDays(from + fit.Onset), history.First.AddDays(firstSeen), trend, burst, fit.Dispersion, recent);
    }

    private EmergenceFlag JudgeLaunch(EmergenceHistory history, CategoryHistory category, int firstSeen, int last)
    {
        var days = last - firstSeen + 1;
        var views = 0.0;
        var totalSince = 0.0;
        var totalAll = 0.0;
        for (var t = 0; t <= last; t++)
        {
            totalAll += history.Totals[t];
            if (t >= firstSeen)
            {
                views += category.Views[t];
                totalSince += history.Totals[t];
            }
        }

        // Evidence that the share changed from nothing to its level since first seen: 2·Y·log(ΣN_all / ΣN_since).
        var score = 2 * views * Math.Log(totalAll / totalSince);
        var logShares = Enumerable.Range(firstSeen, days).Select(t => Math.Log((category.Views[t] + 0.5) / history.Totals[t])).ToList();
        var slope = days >= 3 ? MannKendall.TheilSenSlope(logShares) : 0;
        var trend = MannKendall.Test(logShares).Z;
        var recent = category.Views.Skip(Math.Max(firstSeen, last + 1 - RecentDays)).Take(Math.Min(days, RecentDays)).Sum();
        var steady = views >= Settings.MinimumLaunchViews && views / days >= Settings.MinimumLaunchViewsPerDay;
        // A new line that is shrinking a week on is not taking off.
        var growing = days < RecentDays || slope >= 0;
        return new EmergenceFlag(category.CategoryKey, category.TopCategory, steady && growing ? EmergenceSignal.Launch : EmergenceSignal.Stable, score,
            Math.Exp(slope * HingeChangePoint.DaysPerMonth), history.First.AddDays(firstSeen), history.First.AddDays(firstSeen), trend, 0, 1, recent);
    }
}
