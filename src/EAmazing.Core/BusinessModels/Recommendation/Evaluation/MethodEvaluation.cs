using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>
/// A method's outcomes on every predicted event, grouped by session (the bootstrap resamples sessions, so events of one
/// session stay together), with its catalogue coverage (share of items in any top-20 list) and popularity bias (mean
/// training popularity of the listed items, relative to the most popular item's).
/// </summary>
public sealed record MethodEvaluation(IReadOnlyList<IReadOnlyList<PredictionOutcome>> Sessions, double Coverage, double PopularityBias)
{
    public int Events => Sessions.Sum(s => s.Count);

    /// <summary>
    /// Several test days as one evaluation: every day's sessions (so means are over all their events and the bootstrap
    /// resamples sessions of every day), coverage the mean of the days' (each over its own vocabulary), popularity bias
    /// weighted by events.
    /// </summary>
    public static MethodEvaluation Pool(IReadOnlyList<MethodEvaluation> days)
    {
        if (days.Count == 1)
        {
            return days[0];
        }

        var events = days.Sum(d => (double)d.Events);
        return new MethodEvaluation(days.SelectMany(d => d.Sessions).ToList(), days.Average(d => d.Coverage),
            events == 0 ? 0 : days.Sum(d => d.PopularityBias * d.Events) / events);
    }

    /// <summary>The sessions <paramref name="skip"/> .. <paramref name="skip"/> + <paramref name="take"/> (one day of a pooled evaluation; coverage and bias not known).</summary>
    public MethodEvaluation Slice(int skip, int take) => new(Sessions.Skip(skip).Take(take).ToList(), double.NaN, double.NaN);

    public double Mean(string metric) => RankingMetrics.Mean(Sessions, metric);

    /// <summary>The metric with a 95% percentile-bootstrap interval over sessions (seeded).</summary>
    public ConfidenceInterval Interval(string metric, ulong seed, int resamples = 500)
    {
        // Per-session sums make each resample O(sessions) rather than O(events).
        var tallies = Sessions.Select(s => (Sum: s.Sum(o => RankingMetrics.Of(metric, o.Rank)), Count: s.Count)).ToList();
        return Bootstrap.Interval(tallies, sample =>
        {
            double sum = 0, count = 0;
            foreach (var (s, c) in sample)
            {
                sum += s;
                count += c;
            }

            return count == 0 ? double.NaN : sum / count;
        }, resamples, seed);
    }

    /// <summary>Among events after which the session carts or buys an item, the share whose top-20 list held one of those items.</summary>
    public ConfidenceInterval ConversionHitRate(ulong seed, int resamples = 500)
    {
        var tallies = Sessions.Select(s => (Hits: s.Count(o => o.ConversionLater && o.ConversionHit), Count: s.Count(o => o.ConversionLater))).ToList();
        return Bootstrap.Interval(tallies, sample =>
        {
            double hits = 0, count = 0;
            foreach (var (h, c) in sample)
            {
                hits += h;
                count += c;
            }

            return count == 0 ? double.NaN : hits / count;
        }, resamples, seed);
    }

    /// <summary>Recall@20 by the prefix length the event was predicted from (lengths above <paramref name="longest"/> pooled).</summary>
    public IReadOnlyDictionary<int, (double Recall, int Events)> RecallByPrefixLength(int longest = 10)
    {
        return Sessions.SelectMany(s => s).GroupBy(o => Math.Min(o.PrefixLength, longest)).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => (g.Average(o => RankingMetrics.RecallOf(o.Rank, NextItemEvaluator.ListLength)), g.Count()));
    }
}
