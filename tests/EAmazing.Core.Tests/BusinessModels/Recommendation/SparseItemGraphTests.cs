using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Methods;
using FsCheck;
using FsCheck.Fluent;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

/// <summary>
/// The graph built row by row on every core against the plain definition: every link summed into one dictionary of
/// pairs in session and position order, then each item's strongest kept. Equal to the bit, whatever the sessions.
/// </summary>
public sealed class SparseItemGraphTests
{
    [Fact]
    public void Co_visitation_links_equal_one_pass_over_a_dictionary_of_pairs() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var (sessions, items, keep) = Sessions(seed);
            var recommender = new CoVisitationRecommender(window: 3, timeScaleSeconds: 60, keep: keep);
            recommender.Fit(sessions, items);
            var expected = Reference(sessions, items, keep, (s, i) =>
                Enumerable.Range(Math.Max(0, i - 3), Math.Min(s.Length - 1, i + 3) - Math.Max(0, i - 3) + 1)
                    .Where(j => s.Items[j] != s.Items[i])
                    .Select(j => (s.Items[j], (float)((s.EventTypes[j] switch { 1 => 3f, 2 => 6f, _ => 1f }) * Math.Exp(-Math.Abs(s.UnixSeconds[j] - s.UnixSeconds[i]) / 60.0)))));
            return RowsOf(recommender, items).SequenceEqual(expected, RowComparer);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Sequential_rules_equal_one_pass_over_a_dictionary_of_pairs() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var (sessions, items, keep) = Sessions(seed);
            var recommender = new SequentialRulesRecommender(steps: 4, keep: keep);
            recommender.Fit(sessions, items);
            var expected = Reference(sessions, items, keep, (s, i) =>
                Enumerable.Range(i + 1, Math.Max(0, Math.Min(s.Length - 1, i + 4) - i))
                    .Where(j => s.Items[j] != s.Items[i])
                    .Select(j => (s.Items[j], 1f / (j - i))));
            return RowsOf(recommender, items).SequenceEqual(expected, RowComparer);
        }).QuickCheckThrowOnFailure();

    private static readonly EqualityComparer<float[]> RowComparer = EqualityComparer<float[]>.Create((a, b) => a!.SequenceEqual(b!), a => a.Length);

    private static (List<SessionSequence> Sessions, int Items, int Keep) Sessions(int seed)
    {
        var random = new Random(seed);
        var items = random.Next(2, 40);
        var sessions = Enumerable.Range(0, random.Next(1, 60)).Select(_ =>
        {
            var length = random.Next(1, 14);
            var time = (long)random.Next(0, 10_000);
            return new SessionSequence(
                Enumerable.Range(0, length).Select(_ => random.Next(items)).ToArray(),
                Enumerable.Range(0, length).Select(_ => time += random.Next(0, 400)).ToArray(),
                Enumerable.Range(0, length).Select(_ => (byte)random.Next(3)).ToArray());
        }).ToList();
        return (sessions, items, random.Next(1, 8));
    }

    /// <summary>Each item's row as the recommender scores a one-item session of it (sequential rules and co-visitation alike: its links, times 1).</summary>
    private static IEnumerable<float[]> RowsOf(ISessionRecommender recommender, int items) => Enumerable.Range(0, items).Select(item =>
    {
        var scores = new float[items];
        recommender.ScoreAll(new SessionSequence([item], [0], [0]), scores);
        return scores;
    });

    private static IEnumerable<float[]> Reference(List<SessionSequence> sessions, int items, int keep, Func<SessionSequence, int, IEnumerable<(int To, float Weight)>> links)
    {
        var pairs = new Dictionary<(int From, int To), float>();
        foreach (var s in sessions)
        {
            for (var i = 0; i < s.Length; i++)
            {
                foreach (var (to, weight) in links(s, i))
                {
                    pairs[(s.Items[i], to)] = pairs.GetValueOrDefault((s.Items[i], to)) + weight;
                }
            }
        }

        return Enumerable.Range(0, items).Select(from =>
        {
            var row = new float[items];
            foreach (var ((_, to), weight) in pairs.Where(p => p.Key.From == from).OrderByDescending(p => p.Value).ThenBy(p => p.Key.To).Take(keep))
            {
                row[to] += weight;
            }

            return row;
        });
    }
}
