using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Synthetic.World;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// Answers what the world really intended: the true probability of a purchase at a session's first
/// cart event, and the true distribution of the next viewed item given a session prefix. Models are
/// measured against it ("how close to the best possible").
/// </summary>
public sealed class WorldOracle(SyntheticWorld world)
{
    /// <summary>A fresh pick less likely than this is left out of the next-item distribution.</summary>
    private const double MinFreshProbability = 1e-7;

    private readonly Lazy<int[][]> _productsByPopularity = new(() => ByPopularity(world.Catalog));

    public SyntheticWorld World { get; } = world;

    /// <summary>Rebuilds the world of a generated dataset from its <c>truth/world.json</c>.</summary>
    public static WorldOracle Load(string truthFolder) => new(SyntheticWorld.Create(TruthWriter.ReadSpec(truthFolder)));

    /// <summary>
    /// True purchase probability at the first cart event of a session.
    /// </summary>
    /// <param name="userId">Raw user id as written in the generated file.</param>
    /// <param name="cartTime">Time of the first cart event.</param>
    /// <param name="viewedBeforeCart">Products viewed in the session up to and including the view of the carted item.</param>
    /// <param name="cartedProductId">The carted product.</param>
    /// <param name="cartPrice">Price of the carted item on the cart event.</param>
    public double PurchaseProbabilityAtFirstCart(long userId, DateTime cartTime, IReadOnlyList<long> viewedBeforeCart, long cartedProductId, decimal cartPrice)
    {
        var user = UserOf(userId);
        var viewsOfItem = viewedBeforeCart.Count(p => p == cartedProductId);
        var date = DateOnly.FromDateTime(cartTime);
        return World.Behaviour.PurchaseProbabilityAtFirstCart(user, (int)Math.Round(cartPrice * 100), viewedBeforeCart.Count, Math.Max(1, viewsOfItem), World.Behaviour.DayBoost(date));
    }

    /// <summary>
    /// The true distribution of the next viewed product after a view of <paramref name="currentProductId"/>,
    /// given that the session goes on with another view: repeat, successor, or a fresh pick. Returns the
    /// <paramref name="top"/> most likely products, most likely first.
    /// </summary>
    /// <remarks>
    /// Exact and equal to <see cref="NextItemDistributionByFullScan"/> (same values, same order), without a probability
    /// for every product of the catalogue: besides the current item and its successors, a product's probability is its
    /// category's share times its popularity within the category, so each category is read in popularity order only
    /// until its products can no longer enter the top. On a full-scale world's test day (90,690 events) filling and sorting a
    /// catalogue-sized dictionary per event had taken 24 of the 52 minutes of `train recommender`.
    /// </remarks>
    public IReadOnlyList<NextItemProbability> NextItemDistribution(long userId, DateTime time, long currentProductId, int top = 20)
    {
        var (user, current, mixture) = NextItemInputs(userId, time, currentProductId);
        var catalog = World.Catalog;
        var fresh = FreshPickProbability();

        // The repeat and the successors, then each one's fresh pick, added in the full scan's order
        var named = RepeatAndSuccessors(current);
        var best = new TopProducts(top, catalog.ProductIds);
        foreach (var (product, value) in named)
        {
            var pc = mixture.Probability(user, catalog.ProductCategory[product], catalog);
            var p = fresh * pc * catalog.WithinCategoryProbability(product);
            best.Offer(product, pc > 0 && p > MinFreshProbability ? value + p : value);
        }

        // Fresh picks of every other product: in popularity order within a category, so the first product that cannot
        // enter the top ends its category (a later one's probability is at most its own)
        var byPopularity = _productsByPopularity.Value;
        foreach (var category in catalog.Categories)
        {
            var pc = mixture.Probability(user, category.Index, catalog);
            if (pc <= 0)
            {
                continue;
            }

            foreach (var product in byPopularity[category.Index])
            {
                var p = fresh * pc * catalog.WithinCategoryProbability(product);
                if (p <= MinFreshProbability || !best.CouldTake(p))
                {
                    break;
                }

                if (!named.ContainsKey(product))
                {
                    best.Offer(product, p);
                }
            }
        }

        return best.MostLikelyFirst().Select(t => new NextItemProbability(catalog.ProductIds[t.Product], t.Probability)).ToList();
    }

    /// <summary>
    /// The definition of <see cref="NextItemDistribution"/>: every product's probability summed, then sorted (most likely
    /// first, ties by product id). Kept for the test that holds the two equal.
    /// </summary>
    internal IReadOnlyList<NextItemProbability> NextItemDistributionByFullScan(long userId, DateTime time, long currentProductId, int top = 20)
    {
        var (user, current, mixture) = NextItemInputs(userId, time, currentProductId);
        var catalog = World.Catalog;
        var probabilities = RepeatAndSuccessors(current);

        // Fresh picks: category by the user's mixture, then product by popularity within it.
        var fresh = FreshPickProbability();
        foreach (var category in catalog.Categories)
        {
            var pc = mixture.Probability(user, category.Index, catalog);
            if (pc <= 0)
            {
                continue;
            }

            foreach (var product in catalog.ProductsOf(category.Index))
            {
                var p = fresh * pc * catalog.WithinCategoryProbability(product);
                if (p > MinFreshProbability)
                {
                    probabilities[product] = probabilities.GetValueOrDefault(product) + p;
                }
            }
        }

        return probabilities
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => catalog.ProductIds[kv.Key])
            .Take(top)
            .Select(kv => new NextItemProbability(catalog.ProductIds[kv.Key], kv.Value))
            .ToList();
    }

    private (UserTraits User, int Current, CategoryMixture Mixture) NextItemInputs(long userId, DateTime time, long currentProductId)
    {
        var user = UserOf(userId);
        if (!World.Catalog.TryGetProductIndex(currentProductId, out var current))
        {
            throw new ArgumentException($"product {currentProductId} is not in this world's catalog", nameof(currentProductId));
        }

        var day = Math.Clamp(DateOnly.FromDateTime(time).DayNumber - World.Window.Start.DayNumber, 0, World.Window.DayCount - 1);
        return (user, current, World.MixtureOn(day));
    }

    /// <summary>The repeat's probability and each successor's, summed in the successor list's order.</summary>
    private Dictionary<int, double> RepeatAndSuccessors(int current)
    {
        var b = World.Spec.Behaviour;
        var catalog = World.Catalog;
        var probabilities = new Dictionary<int, double> { [current] = b.RepeatViewProbability };
        var move = 1 - b.RepeatViewProbability;
        var offset = current * Catalog.SuccessorsPerProduct;
        var previous = 0f;
        for (var s = 0; s < Catalog.SuccessorsPerProduct; s++)
        {
            var p = catalog.SuccessorCumulative[offset + s] - previous;
            previous = catalog.SuccessorCumulative[offset + s];
            var product = catalog.Successors[offset + s];
            probabilities[product] = probabilities.GetValueOrDefault(product) + (move * b.SuccessorProbability * p);
        }

        return probabilities;
    }

    /// <summary>The probability that the next view is a fresh pick (neither a repeat nor a successor).</summary>
    private double FreshPickProbability()
    {
        var b = World.Spec.Behaviour;
        return (1 - b.RepeatViewProbability) * (1 - b.SuccessorProbability);
    }

    private static int[][] ByPopularity(Catalog catalog)
    {
        var lists = new int[catalog.Categories.Max(c => c.Index) + 1][];
        foreach (var category in catalog.Categories)
        {
            lists[category.Index] = [.. catalog.ProductsOf(category.Index).OrderByDescending(catalog.WithinCategoryProbability)];
        }

        return lists;
    }

    public UserTraits UserOf(long userId) => World.Users.TryGetRank(userId, out var rank)
        ? World.Users.Traits(rank)
        : throw new ArgumentException("user id is not in this world's population", nameof(userId));

    public Persona PersonaOf(long userId) => UserOf(userId).Persona;

    /// <summary>Event types the oracle knows (all of the generated ones).</summary>
    public static IReadOnlyList<EventType> GeneratedTypes { get; } = [EventType.View, EventType.Cart, EventType.Purchase];
}
