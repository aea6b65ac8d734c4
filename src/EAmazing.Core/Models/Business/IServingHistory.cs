namespace EAmazing.Models.Business;

/// <summary>
/// What an online scorer may look up beyond its request: the lake's history as of its last day, per user pseudonym,
/// item and category. The API serves it from caches of the silver events, so a lookup never reaches the disk.
/// </summary>
public interface IServingHistory
{
    /// <summary>Whether the caches hold the lake; until then history features are missing.</summary>
    bool Loaded { get; }

    /// <summary>The day after the lake's last event: the end of every trailing window.</summary>
    DateTime? AsOfDay { get; }

    UserHistory? User(string pseudonym);

    ItemHistory? Item(long productId);

    double? CategoryMeanPrice(long categoryId);
}
