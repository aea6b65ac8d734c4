using EAmazing.Foundation.Randomness;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>Builds the catalog of a world deterministically from its seed and size.</summary>
internal static class CatalogBuilder
{
    /// <summary>Share of events in categories without a code (real October head: 33%).</summary>
    private const double UncodedEventShare = 0.33;

    /// <summary>Share of products without a brand (real October head: 14.2% of events).</summary>
    private const double NoBrandShare = 0.142;

    /// <summary>Within-category popularity spread; with the category spread and the
    /// successor structure it gives an item Gini of about 0.81 on demo scale (real October: 0.86).</summary>
    private const double WithinCategoryPopularitySigma = 2.4;

    private const double WithinCategoryPriceSigma = 0.7;

    private const double MaxPrice = 2574.07;

    public static Catalog Build(ulong seed, int productCount, int windowDays)
    {
        var rng = Xoshiro256.For(seed, 0xCA7A106);
        var topLevels = CategoryCodes.All.Select(c => c.Code.Split('.')[0]).Distinct().ToList();
        var categories = new List<Category>();
        var usedIds = new HashSet<long>();

        long NewCategoryId(ref Xoshiro256 r, bool legacyRange)
        {
            while (true)
            {
                var id = legacyRange
                    ? 2_090_000_000_000_000_000L + (long)(r.NextUInt64() % 80_000_000_000_000_000UL)
                    : 2_053_013_552_000_000_000L + (long)(r.NextUInt64() % 8_000_000_000UL);
                if (usedIds.Add(id))
                {
                    return id;
                }
            }
        }

        // Coded categories: one to three category ids per code, sharing the code's popularity.
        foreach (var (code, codePopularity, medianPrice) in CategoryCodes.All)
        {
            var ids = codePopularity >= 2 ? 3 : codePopularity >= 0.5 ? 2 : 1;
            for (var i = 0; i < ids; i++)
            {
                var share = i == 0 ? 0.7 : 0.3 / (ids - 1);
                categories.Add(new Category(categories.Count, NewCategoryId(ref rng, false), code,
                    topLevels.IndexOf(code.Split('.')[0]), codePopularity * (ids == 1 ? 1 : share) * rng.NextLogNormal(0, 0.3),
                    medianPrice * 1.32 * rng.NextLogNormal(0, 0.15), 1.0, 0));
            }
        }

        var codedMass = categories.Sum(c => c.BasePopularity);
        // Uncoded categories: real ids with no code; they still belong to a hidden top level.
        var uncoded = new List<Category>();
        for (var i = 0; i < 150; i++)
        {
            var top = rng.NextInt(topLevels.Count);
            uncoded.Add(new Category(0, NewCategoryId(ref rng, rng.Chance(0.5)), string.Empty, top,
                rng.NextLogNormal(0, 1.2), Math.Exp(Math.Log(60) + (0.9 * rng.NextGaussian())), 1.0, 0));
        }

        var uncodedScale = UncodedEventShare / (1 - UncodedEventShare) * codedMass / uncoded.Sum(c => c.BasePopularity);
        foreach (var c in uncoded)
        {
            categories.Add(c with { Index = categories.Count, BasePopularity = c.BasePopularity * uncodedScale });
        }

        // The seed chooses which categories start growing or shrinking, and which new lines launch when.
        var emergences = EmergencePlan.ChooseTrends(seed, categories, windowDays);
        var meanPopularity = categories.Average(c => c.BasePopularity);
        // The first launch's id comes from the catalog's stream, later ones from their own: the products' draws below stay
        // those the realism checks were calibrated on, whatever number of lines the seed launches.
        var launchIds = Xoshiro256.For(seed, 0x1A0C5);
        foreach (var (code, medianPrice, launchDay, relative) in EmergencePlan.ChooseLaunches(seed, windowDays))
        {
            var id = emergences.Any(e => e.Kind == EmergenceKind.Launch) ? NewCategoryId(ref launchIds, false) : NewCategoryId(ref rng, false);
            var launched = new Category(categories.Count, id, code,
                topLevels.IndexOf(code.Split('.')[0]), meanPopularity * relative, medianPrice, 1.0, launchDay);
            categories.Add(launched);
            emergences.Add(new Emergence(EmergenceKind.Launch, launched.Index, launched.CategoryId, code, launchDay, 1.0, EmergencePlan.LaunchRampDays));
        }

        // Products per category grow with the square root of its popularity; every category has a few.
        var totalSqrt = categories.Sum(c => Math.Sqrt(c.BasePopularity));
        var counts = categories.Select(c => Math.Max(3, (int)(productCount * Math.Sqrt(c.BasePopularity) / totalSqrt))).ToArray();
        var n = counts.Sum();
        var productIds = new int[n];
        var productCategory = new int[n];
        var priceCents = new int[n];
        var popularity = new double[n];
        var brand = new string[n];
        var discounted = new bool[n];
        var p = 0;
        var launchedSoFar = 0;
        for (var c = 0; c < categories.Count; c++)
        {
            var category = categories[c];
            // Launched lines get fresh product-id blocks from 100,000,000 on: product ids the store never used before.
            var block = category.LaunchDay > 0 ? 100_000_000 + (launchedSoFar++ * 1_000_000) : 1_000_000 + (c * 150_000);
            var next = block;
            var leading = BrandNames.Leading[topLevels[category.TopLevel]];
            for (var k = 0; k < counts[c]; k++, p++)
            {
                next += 1 + rng.NextInt(3);
                productIds[p] = next;
                productCategory[p] = c;
                popularity[p] = rng.NextLogNormal(0, WithinCategoryPopularitySigma);
                var price = rng.Chance(0.0011) ? 0 : category.MedianPrice * rng.NextLogNormal(0, WithinCategoryPriceSigma);
                // Real prices thin out above ~1,800 and stop at 2,574.07: compress the tail smoothly.
                if (price > 1800)
                {
                    price = 1800 + ((MaxPrice - 1800) * (1 - Math.Exp(-(price - 1800) / 900)));
                }

                priceCents[p] = (int)Math.Round(price * 100);
                brand[p] = rng.Chance(NoBrandShare) ? string.Empty
                    : rng.Chance(0.8) ? leading[Math.Min(leading.Length - 1, (int)rng.NextExponential(leading.Length / 4.0))]
                    : BrandNames.Tail((int)rng.NextExponential(60));
                discounted[p] = rng.Chance(0.5);
            }
        }

        // Successors: a sparse, skewed transition structure inside each category, drawn by popularity.
        var successors = new int[n * Catalog.SuccessorsPerProduct];
        var cumulative = new float[n * Catalog.SuccessorsPerProduct];
        var start = 0;
        for (var c = 0; c < categories.Count; c++)
        {
            var members = Enumerable.Range(start, counts[c]).ToArray();
            var alias = new AliasTable(members.Select(m => popularity[m]).ToArray());
            foreach (var m in members)
            {
                var weights = new double[Catalog.SuccessorsPerProduct];
                for (var s = 0; s < Catalog.SuccessorsPerProduct; s++)
                {
                    int candidate;
                    var tries = 0;
                    do
                    {
                        candidate = members[alias.Sample(ref rng)];
                    }
                    while (candidate == m && members.Length > 1 && ++tries < 10);

                    successors[(m * Catalog.SuccessorsPerProduct) + s] = candidate;
                    var e = rng.NextExponential(1);
                    weights[s] = e * e;
                }

                var total = weights.Sum();
                var running = 0.0;
                for (var s = 0; s < Catalog.SuccessorsPerProduct; s++)
                {
                    running += weights[s] / total;
                    cumulative[(m * Catalog.SuccessorsPerProduct) + s] = (float)running;
                }
            }

            start += counts[c];
        }

        return new Catalog(topLevels, categories, productIds, productCategory, priceCents, popularity, brand, discounted, successors, cumulative) { Emergences = emergences };
    }
}
