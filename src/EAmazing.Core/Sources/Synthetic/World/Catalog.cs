using System.Globalization;
using System.Text;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// Categories, products and the item-to-item transition structure of the world. Products are kept as
/// parallel arrays: the simulator touches millions of them per second.
/// </summary>
public sealed class Catalog
{
    public const int SuccessorsPerProduct = 8;

    private readonly AliasTable[] _productsInCategory;
    private readonly int[][] _categoryProducts;
    private readonly Dictionary<long, int> _indexByProductId;
    private readonly double[] _categoryPopularity;

    internal Catalog(
        IReadOnlyList<string> topLevels,
        IReadOnlyList<Category> categories,
        int[] productIds,
        int[] productCategory,
        int[] basePriceCents,
        double[] popularity,
        string[] brand,
        bool[] discountedOnSale,
        int[] successors,
        float[] successorCumulative)
    {
        TopLevels = topLevels;
        Categories = categories;
        ProductIds = productIds;
        ProductCategory = productCategory;
        BasePriceCents = basePriceCents;
        Popularity = popularity;
        Brand = brand;
        DiscountedOnSale = discountedOnSale;
        Successors = successors;
        SuccessorCumulative = successorCumulative;

        _categoryProducts = new int[categories.Count][];
        var lists = categories.Select(_ => new List<int>()).ToArray();
        for (var p = 0; p < productIds.Length; p++)
        {
            lists[productCategory[p]].Add(p);
        }

        _productsInCategory = new AliasTable[categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            _categoryProducts[c] = [.. lists[c]];
            _productsInCategory[c] = new AliasTable(_categoryProducts[c].Select(p => popularity[p]).ToArray());
        }

        _categoryPopularity = _categoryProducts.Select(members => members.Sum(p => popularity[p])).ToArray();
        _indexByProductId = new Dictionary<long, int>(productIds.Length);
        for (var p = 0; p < productIds.Length; p++)
        {
            _indexByProductId[productIds[p]] = p;
        }

        ProductLineSegments = new byte[productIds.Length][];
        for (var p = 0; p < productIds.Length; p++)
        {
            var category = categories[productCategory[p]];
            ProductLineSegments[p] = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{productIds[p]},{category.CategoryId},{category.Code},{brand[p]},"));
        }
    }

    public IReadOnlyList<string> TopLevels { get; }

    public IReadOnlyList<Category> Categories { get; }

    /// <summary>The trends and launches the seed planted (the truth the emerging-category detector is judged against).</summary>
    public IReadOnlyList<Emergence> Emergences { get; init; } = [];

    public int[] ProductIds { get; }

    public int[] ProductCategory { get; }

    public int[] BasePriceCents { get; }

    public double[] Popularity { get; }

    public string[] Brand { get; }

    public bool[] DiscountedOnSale { get; }

    /// <summary><see cref="SuccessorsPerProduct"/> successor product indexes per product, same category.</summary>
    public int[] Successors { get; }

    /// <summary>Cumulative successor probabilities, parallel to <see cref="Successors"/>.</summary>
    public float[] SuccessorCumulative { get; }

    /// <summary>The pre-encoded <c>product_id,category_id,category_code,brand,</c> part of a CSV line.</summary>
    public byte[][] ProductLineSegments { get; }

    public int ProductCount => ProductIds.Length;

    public IReadOnlyList<int> ProductsOf(int category) => _categoryProducts[category];

    public int SampleProduct(int category, ref Xoshiro256 rng) => _categoryProducts[category][_productsInCategory[category].Sample(ref rng)];

    public int SampleSuccessor(int product, ref Xoshiro256 rng)
    {
        var u = (float)rng.NextDouble();
        var offset = product * SuccessorsPerProduct;
        for (var i = 0; i < SuccessorsPerProduct - 1; i++)
        {
            if (u < SuccessorCumulative[offset + i])
            {
                return Successors[offset + i];
            }
        }

        return Successors[offset + SuccessorsPerProduct - 1];
    }

    public bool TryGetProductIndex(long productId, out int index) => _indexByProductId.TryGetValue(productId, out index);

    /// <summary>Probability of a product when its category is browsed (by popularity), used by the oracle.</summary>
    public double WithinCategoryProbability(int product) => Popularity[product] / _categoryPopularity[ProductCategory[product]];
}
