using EAmazing.Lake;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Gold's part of a rotation's last commit, its re-keyed files committed one by one before it: files dropped for a
/// rebuild, catalog statements (partitions recorded on the new silver, views); counts of partitions re-keyed, kept as
/// they were (no pseudonym in them), and dropped.
/// </summary>
public sealed record GoldRekey(
    IReadOnlyList<string> Deletes,
    IReadOnlyList<CatalogStatement> Catalog,
    int Rekeyed,
    int Unchanged,
    int Dropped);
