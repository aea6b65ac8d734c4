using EAmazing.BusinessModels.Recommendation.Data;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

public sealed class SessionPreparationTests
{
    [Fact]
    public void Consecutive_repeats_collapse_keeping_the_first_time_and_the_strongest_type()
    {
        var sessions = Build(new PreparationOptions(EventSelection.All), (10, 0), (10, 1), (11, 0), (10, 0));

        var s = Assert.Single(sessions);
        Assert.Equal([10L, 11, 10], s.Products);
        Assert.Equal([0L, 2, 3], s.UnixSeconds);
        Assert.Equal([(byte)1, 0, 0], s.EventTypes);
        Assert.Equal(1, s.ConvertedProducts[10]); // the cart came after one kept event (the view of 10)
    }

    [Fact]
    public void Views_only_drops_carts_from_the_sequence_but_keeps_them_as_conversions()
    {
        var sessions = Build(new PreparationOptions(EventSelection.Views), (10, 0), (11, 0), (11, 1), (12, 0), (12, 2));

        var s = Assert.Single(sessions);
        Assert.Equal([10L, 11, 12], s.Products);
        Assert.Equal(2, s.ConvertedProducts[11]);
        Assert.Equal(3, s.ConvertedProducts[12]);
    }

    [Fact]
    public void The_support_filter_repeats_until_no_rare_item_is_left()
    {
        // Item 3 appears twice; removing it leaves session [1] too short, which makes item 1 rare in turn (2 → 1 event).
        List<RawSession> sessions = [Raw(1, 3), Raw(1, 2), Raw(3, 2), Raw(2, 4), Raw(2, 4), Raw(4, 2)];
        var options = new PreparationOptions(MinItemSupport: 3);

        var kept = SessionPreparation.Training(sessions, options);

        Assert.All(kept, s => Assert.DoesNotContain(3L, s.Products));
        Assert.All(kept, s => Assert.DoesNotContain(1L, s.Products));
        Assert.Equal(3, kept.Count);
        Assert.All(kept, s => Assert.Equal(2, s.Length));
    }

    [Fact]
    public void Sessions_are_cut_at_the_maximum_length_and_short_ones_dropped()
    {
        List<RawSession> sessions = [Raw(1, 2, 3, 4, 5), Raw(7)];

        var test = SessionPreparation.Test(sessions, new PreparationOptions(MaxLength: 3));

        var s = Assert.Single(test);
        Assert.Equal([1L, 2, 3], s.Products);
    }

    [Fact]
    public void The_vocabulary_orders_items_by_training_frequency()
    {
        var vocabulary = ItemVocabulary.FromTraining([Raw(5, 9), Raw(9, 7), Raw(7, 9)]);

        Assert.Equal([9L, 7, 5], vocabulary.ProductIds);
        Assert.Equal(-1, vocabulary.IndexOf(42));
    }

    [Fact]
    public void The_last_day_split_tests_on_the_last_day_and_trains_on_sessions_ended_before_the_validation_day()
    {
        var day = 86_400L;
        List<RawSession> sessions = [At(0, 100), At(day - 10, day + 10), At(day + 5, day + 50), At((2 * day) + 1, (2 * day) + 9)];

        var split = LastDaySplit.Of(sessions);

        Assert.Equal(new DateOnly(1970, 1, 3), split.TestDay);
        Assert.Single(LastDaySplit.Before(sessions, split.ValidationDay));
        Assert.Single(LastDaySplit.StartingOn(sessions, split.TestDay));
        Assert.Single(LastDaySplit.StartingOn(sessions, split.ValidationDay));
        Assert.Equal(3, LastDaySplit.Before(sessions, split.TestDay).Count());
    }

    private static List<RawSession> Build(PreparationOptions options, params (long Product, byte Type)[] events)
    {
        var builder = new SessionBuilder(options);
        var sessions = new List<RawSession>();
        builder.Start("u");
        for (var i = 0; i < events.Length; i++)
        {
            builder.Add(events[i].Product, i, events[i].Type);
        }

        builder.Flush(sessions);
        return sessions;
    }

    private static RawSession Raw(params long[] products) =>
        new("u", products, products.Select((_, i) => (long)i).ToArray(), new byte[products.Length], new Dictionary<long, int>());

    private static RawSession At(long start, long end) => new("u", [1, 2], [start, end], [0, 0], new Dictionary<long, int>());
}
