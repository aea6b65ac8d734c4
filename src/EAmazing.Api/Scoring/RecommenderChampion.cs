using EAmazing.Api.Configuration;
using EAmazing.BusinessModels;
using EAmazing.Models.Registry;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// The next-item champion being served (<see cref="NextItemServing.RegistryName"/>), swapped like
/// <see cref="ChampionModels"/>: the new version is loaded (its method refitted from its index, or its network read)
/// beside the old one and replaces it in one reference write, so requests in flight finish on the version they started
/// with. Optional: a server without a next-item champion serves everything else and answers 503 here, saying why.
/// </summary>
public sealed class RecommenderChampion(ServingPaths paths, IOptions<ServingOptions> options, ILogger<RecommenderChampion> logger)
{
    private readonly Lock _reloading = new();
    private readonly ModelRegistry _registry = new(paths.Models);
    private ServedRecommender? _served;
    private FailedLoad? _failed;

    public ServedRecommender? Current => Volatile.Read(ref _served);

    /// <summary>Why nothing is served, for the 503.</summary>
    public string Unavailable => Volatile.Read(ref _failed) is { } failed
        ? $"the champion v{failed.Version} cannot be served: {failed.Problem}"
        : $"no champion of {NextItemServing.RegistryName}: run eamazing train recommender, then eamazing models promote {NextItemServing.RegistryName} VERSION";

    /// <summary>Serves the registry's current champion if it changed; true when swapped. Never throws on a bad registry.</summary>
    public bool Reload()
    {
        lock (_reloading)
        {
            ModelCard? champion;
            try
            {
                champion = _registry.Names().Contains(NextItemServing.RegistryName) ? _registry.Champion(NextItemServing.RegistryName) : null;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                logger.LogWarning("cannot read the {Model} champion: {Problem}", NextItemServing.RegistryName, e.Message);
                return false;
            }

            var current = Current;
            if (champion is null)
            {
                // None now (or a promotion between archiving the old champion and marking the new): keep what is served.
                return false;
            }

            if ((current is not null && current.Card.Version == champion.Version && current.Card.CreatedAt == champion.CreatedAt)
                || (_failed is { } failed && failed.Version == champion.Version && failed.CreatedAt == champion.CreatedAt))
            {
                return false;
            }

            try
            {
                var model = NextItemServing.Load(_registry.VersionFolder(champion.Name, champion.Version), options.Value.RecommendationCandidates);
                Volatile.Write(ref _served, new ServedRecommender(champion, model));
                Volatile.Write(ref _failed, null);
                logger.LogInformation("serving {Model} v{Version} ({Method}, {Items} items, {Candidates} candidates reranked)",
                    champion.Name, champion.Version, model.Method, model.ItemCount, model.Candidates);
                return true;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException or ArgumentException or FormatException)
            {
                // Remembered, so a broken version is not refitted at every poll; the previous champion (if any) stays served.
                Volatile.Write(ref _failed, new FailedLoad(champion.Version, champion.CreatedAt, e.Message));
                logger.LogWarning("cannot serve {Model} v{Version}: {Problem}", champion.Name, champion.Version, e.Message);
                return false;
            }
        }
    }

    private sealed record FailedLoad(int Version, DateTime CreatedAt, string Problem);
}
