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
    public IReadOnlyList<NextItemProbability> NextItemDistribution(long userId, DateTime time, long currentProductId, int top = 20)
    {
        var user = UserOf(userId);
        var catalog = World.Catalog;
        if (!catalog.TryGetProductIndex(currentProductId, out var current))
        {
            throw new ArgumentException($"product {currentProductId} is not in this world's catalog", nameof(currentProductId));
        }

        var b = World.Spec.Behaviour;
        var day = Math.Clamp(DateOnly.FromDateTime(time).DayNumber - World.Window.Start.DayNumber, 0, World.Window.DayCount - 1);
        var mixture = World.MixtureOn(day);
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

        // Fresh picks: category by the user's mixture, then product by popularity within it.
        var fresh = move * (1 - b.SuccessorProbability);
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
                if (p > 1e-7)
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

    public UserTraits UserOf(long userId) => World.Users.TryGetRank(userId, out var rank)
        ? World.Users.Traits(rank)
        : throw new ArgumentException("user id is not in this world's population", nameof(userId));

    public Persona PersonaOf(long userId) => UserOf(userId).Persona;

    /// <summary>Event types the oracle knows (all of the generated ones).</summary>
    public static IReadOnlyList<EventType> GeneratedTypes { get; } = [EventType.View, EventType.Cart, EventType.Purchase];
}
