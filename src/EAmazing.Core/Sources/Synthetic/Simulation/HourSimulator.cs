using EAmazing.Foundation.Randomness;
using EAmazing.Sources.Synthetic.World;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Simulation;

/// <summary>
/// Simulates every session that starts in one hour of the window. Each hour has its own random stream
/// derived from the seed, so hours can run in parallel and the output stays byte-identical; a session
/// never lasts longer than <see cref="MaxSessionSpanSeconds"/>, so an hour's events come from that
/// hour and the few before it.
/// </summary>
public sealed class HourSimulator(SyntheticWorld world)
{
    public const int SecondsPerHour = 3_600;

    /// <summary>Longest session span; the very long sessions of the real data stay under it.</summary>
    public const int MaxSessionSpanSeconds = 8 * SecondsPerHour;

    /// <summary>How many hours back an hour's events can have started.</summary>
    public const int LookbackHours = (MaxSessionSpanSeconds / SecondsPerHour) + 1;

    private readonly Dictionary<int, SessionState> _oracleDays = [];
    private readonly List<SimulatedEvent> _oracleEvents = [];

    /// <summary>
    /// Runs one session of <paramref name="user"/> starting <paramref name="startSecond"/> seconds after the window start,
    /// drawn exactly as <see cref="Simulate"/> draws every session, and returns its purchase events within the window:
    /// the oracle's Monte Carlo. Not thread-safe (one scratch state per day is kept).
    /// </summary>
    public int SessionPurchases(in UserTraits user, long startSecond, ref Xoshiro256 rng) => SessionEvents(user, startSecond, ref rng).Purchases;

    /// <summary>As <see cref="SessionPurchases"/>, with the session's cart events too (the observable oracle's trait likelihood).</summary>
    public (int Carts, int Purchases) SessionEvents(in UserTraits user, long startSecond, ref Xoshiro256 rng)
    {
        var day = (int)(startSecond / 86_400);
        if (!_oracleDays.TryGetValue(day, out var state))
        {
            state = new SessionState(world, day, world.Calendar.DateOf(day));
            _oracleDays[day] = state;
        }

        _oracleEvents.Clear();
        state.Run(user, Guid.Empty, startSecond, _oracleEvents, ref rng);
        state.CartSessions.Clear();
        var windowEnd = (long)world.Window.DayCount * 86_400;
        var purchases = 0;
        var carts = 0;
        foreach (var e in _oracleEvents)
        {
            purchases += e.Type == EventType.Purchase && e.Second < windowEnd ? 1 : 0;
            carts += e.Type == EventType.Cart && e.Second < windowEnd ? 1 : 0;
        }

        return (carts, purchases);
    }

    public HourSimulation Simulate(int hour)
    {
        var rng = Xoshiro256.For(world.Spec.Seed, 0x40B, (ulong)hour);
        var day = hour / 24;
        var date = world.Calendar.DateOf(day);
        var expectedSessions = world.ExpectedSessionsInHour(hour);
        // Stochastic rounding keeps the expected count exact.
        var sessions = (int)expectedSessions + (rng.NextDouble() < expectedSessions - Math.Floor(expectedSessions) ? 1 : 0);
        var state = new SessionState(world, day, date);
        var events = new List<SimulatedEvent>((int)(sessions * 5.5) + 16);
        var windowEnd = (long)world.Window.DayCount * 86_400;
        Guid previousSession = default;
        for (var s = 0; s < sessions; s++)
        {
            var start = ((long)hour * SecondsPerHour) + rng.NextInt(SecondsPerHour);
            var user = world.Users.SampleActive(start / 86_400.0, ref rng);
            // Real quirk: a handful of session ids carry the events of two users.
            var session = s > 0 && rng.Chance(world.Spec.Behaviour.SharedSessionShare) ? previousSession : NewSessionId(ref rng);
            state.Run(user, session, start, events, ref rng);
            previousSession = session;
        }

        // Drop events past the window's end in place, then sort by time; ties keep their generation order.
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events);
        var count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Second < windowEnd)
            {
                span[count++] = span[i];
            }
        }

        if (count >= 1 << 24)
        {
            throw new InvalidOperationException("More than 16.7 million events in one hour; the sort key would overflow.");
        }

        events.RemoveRange(count, events.Count - count);
        span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events);
        var keys = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        for (var i = 0; i < count; i++)
        {
            keys[i] = (span[i].Second << 24) | (uint)i;
        }

        keys.AsSpan(0, count).Sort(span);
        System.Buffers.ArrayPool<long>.Shared.Return(keys);
        state.CartSessions.Sort((a, b) => a.FirstCartSecond.CompareTo(b.FirstCartSecond));
        return new HourSimulation
        {
            Hour = hour,
            Events = events,
            CartSessions = state.CartSessions,
            ExpectedPurchases = state.ExpectedPurchases,
            SessionCount = sessions,
            ExpectedSessions = expectedSessions,
        };
    }

    private static Guid NewSessionId(ref Xoshiro256 rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, rng.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], rng.NextUInt64());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Per-day scratch state reused across sessions.</summary>
    private sealed class SessionState(SyntheticWorld world, int day, DateOnly date)
    {
        private readonly BehaviourCoefficients _b = world.Spec.Behaviour;
        private readonly CategoryMixture _mixture = world.MixtureOn(day);
        private readonly double _dayBoost = world.Behaviour.DayBoost(date);
        private readonly bool _sale = WorldCalendar.IsSaleDay(date);
        private readonly List<(int Product, int Views)> _viewed = [];

        public List<CartSessionTruth> CartSessions { get; } = [];

        public double[] ExpectedPurchases { get; } = new double[world.Catalog.Categories.Count];

        public void Run(in UserTraits user, Guid session, long start, List<SimulatedEvent> events, ref Xoshiro256 rng)
        {
            var catalog = world.Catalog;
            var behaviour = world.Behaviour;
            var views = SessionLengths.Draw(_b, ref rng);
            var longGapAt = rng.Chance(_b.LongGapShare) && views > 2 ? 1 + rng.NextInt(views - 1) : -1;
            var t = start;
            var product = catalog.SampleProduct(_mixture.Sample(user, ref rng), ref rng);
            var carted = false;
            var cartProduct = -1;
            var boughtDirectly = false;
            var purchaseAtStep = -1;
            _viewed.Clear();

            for (var k = 1; k <= views; k++)
            {
                if (k > 1)
                {
                    var u = rng.NextDouble();
                    var repeat = u < _b.RepeatViewProbability;
                    if (!repeat)
                    {
                        product = u < _b.RepeatViewProbability + ((1 - _b.RepeatViewProbability) * _b.SuccessorProbability)
                            ? catalog.SampleSuccessor(product, ref rng)
                            : catalog.SampleProduct(_mixture.Sample(user, ref rng), ref rng);
                    }

                    t += 1 + (long)rng.NextLogNormal(repeat ? Math.Log(18) : Math.Log(40), 0.9);
                    if (k == longGapAt)
                    {
                        t += 3600 + rng.NextInt(7200);
                    }

                    if (t - start > MaxSessionSpanSeconds - 600)
                    {
                        // The rare session that would outlast the cap ends here; a purchase it owes is logged now.
                        if (purchaseAtStep >= k)
                        {
                            Emit(events, t, user.UserId, session, cartProduct, PriceOf(cartProduct), EventType.Purchase, ref rng);
                        }

                        break;
                    }
                }

                var price = PriceOf(product);
                var category = catalog.ProductCategory[product];
                var viewsOfItem = CountView(product);
                Emit(events, t, user.UserId, session, product, price, EventType.View, ref rng);

                if (!carted && !boughtDirectly)
                {
                    var buy = behaviour.DirectBuyProbability(user, price, viewsOfItem, _dayBoost);
                    ExpectedPurchases[category] += buy;
                    if (rng.Chance(buy))
                    {
                        t += 1 + (long)rng.NextLogNormal(Math.Log(30), 0.8);
                        Emit(events, t, user.UserId, session, product, price, EventType.Purchase, ref rng);
                        boughtDirectly = true;
                        continue;
                    }

                    if (rng.Chance(behaviour.CartProbability(user, price, viewsOfItem, _dayBoost + behaviour.CartHourShift(t))))
                    {
                        t += 1 + (long)rng.NextLogNormal(Math.Log(12), 0.7);
                        Emit(events, t, user.UserId, session, product, price, EventType.Cart, ref rng);
                        carted = true;
                        cartProduct = product;
                        var p = behaviour.PurchaseProbabilityAtFirstCart(user, price, k, viewsOfItem, _dayBoost);
                        ExpectedPurchases[category] += p;
                        var purchased = rng.Chance(p);
                        CartSessions.Add(new CartSessionTruth(session, user.UserId, t, p, purchased));
                        if (purchased)
                        {
                            purchaseAtStep = Math.Min(views, k + rng.NextGeometric(0.55));
                        }
                    }
                }
                else if (boughtDirectly)
                {
                    var again = BehaviourModel.Sigmoid(Logit(behaviour.DirectBuyProbability(user, price, viewsOfItem, _dayBoost)) + _b.MultiBuyOffset);
                    ExpectedPurchases[category] += again;
                    if (rng.Chance(again))
                    {
                        t += 1 + (long)rng.NextLogNormal(Math.Log(30), 0.8);
                        Emit(events, t, user.UserId, session, product, price, EventType.Purchase, ref rng);
                    }
                }
                else if (rng.Chance(BehaviourModel.Sigmoid(Logit(behaviour.CartProbability(user, price, viewsOfItem, _dayBoost + behaviour.CartHourShift(t))) + _b.ExtraCartOffset)))
                {
                    t += 1 + (long)rng.NextLogNormal(Math.Log(12), 0.7);
                    Emit(events, t, user.UserId, session, product, price, EventType.Cart, ref rng);
                }

                if (k == purchaseAtStep)
                {
                    t += 1 + (long)rng.NextLogNormal(Math.Log(60), 0.8);
                    Emit(events, t, user.UserId, session, cartProduct, PriceOf(cartProduct), EventType.Purchase, ref rng);
                }
            }
        }

        private int CountView(int product)
        {
            for (var i = 0; i < _viewed.Count; i++)
            {
                if (_viewed[i].Product == product)
                {
                    _viewed[i] = (product, _viewed[i].Views + 1);
                    return _viewed[i].Views;
                }
            }

            _viewed.Add((product, 1));
            return 1;
        }

        private int PriceOf(int product)
        {
            var price = world.Catalog.BasePriceCents[product];
            // Sale days: half the catalog is discounted by 10–40% (fixed per product).
            if (_sale && world.Catalog.DiscountedOnSale[product])
            {
                var discount = 0.10 + (0.30 * StableHash.Unit(StableHash.Mix(world.Spec.Seed, 0x5A1E, (ulong)product)));
                price = (int)Math.Round(price * (1 - discount));
            }

            return price;
        }

        private void Emit(List<SimulatedEvent> events, long t, long user, Guid session, int product, int price, EventType type, ref Xoshiro256 rng)
        {
            var e = new SimulatedEvent(t, user, session, product, price, type);
            events.Add(e);
            // Real quirk: a few rows appear twice, byte for byte.
            if (rng.Chance(_b.DuplicateRowShare))
            {
                events.Add(e);
            }
        }

        private static double Logit(double p) => Math.Log(p / (1 - p));
    }
}
