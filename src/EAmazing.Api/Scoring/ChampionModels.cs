using System.Collections.Immutable;
using EAmazing.Api.Configuration;
using EAmazing.BusinessModels;
using EAmazing.Models.Registry;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// The champions being served, one per model name. A reload builds the new model beside the old one and
/// swaps an immutable map in one reference write, so requests in flight finish on the version they started
/// with and no request ever sees a half-loaded model.
/// </summary>
public sealed class ChampionModels(ServingPaths paths, IOptions<ServingOptions> options, BusinessModelCatalog catalog, ILogger<ChampionModels> logger)
{
    private readonly Lock _reloading = new();
    private ImmutableDictionary<string, ServedModel> _served = ImmutableDictionary<string, ServedModel>.Empty;

    public ModelRegistry Registry { get; } = new(paths.Models);

    public IReadOnlyList<string> Names { get; } = options.Value.ServedModels(catalog);

    /// <summary>Raised after a swap, with the model now served (the lake history is rebuilt for it).</summary>
    public event Action<ServedModel>? Swapped;

    public ServedModel? Get(string name) => Volatile.Read(ref _served).GetValueOrDefault(name);

    public IReadOnlyCollection<ServedModel> All => Volatile.Read(ref _served).Values.ToList();

    /// <summary>Every configured model has a champion loaded.</summary>
    public bool AllLoaded => Names.All(n => Get(n) is not null);

    /// <summary>Loads every configured champion that changed; returns the names swapped. Never throws on a bad registry.</summary>
    public IReadOnlyList<string> ReloadChanged()
    {
        var swapped = new List<string>();
        foreach (var name in Names)
        {
            try
            {
                if (Reload(name))
                {
                    swapped.Add(name);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException or UnauthorizedAccessException or FormatException)
            {
                logger.LogWarning("cannot load the champion of {Model}: {Problem}", name, e.Message);
            }
        }

        return swapped;
    }

    /// <summary>Serves the registry's current champion of <paramref name="name"/> if it differs from the one served.</summary>
    public bool Reload(string name)
    {
        lock (_reloading)
        {
            var champion = Registry.Champion(name);
            var current = Get(name);
            if (champion is null || (current is not null && current.Version == champion.Version && current.Card.CreatedAt == champion.CreatedAt))
            {
                if (champion is not null && current is not null && current.Card != champion)
                {
                    // Same version, card edited (a retrain reason): keep the model, show the new card.
                    Volatile.Write(ref _served, _served.SetItem(name, current.WithCard(champion)));
                }

                return false;
            }

            var model = TrainedModelStore.Load(Registry.VersionFolder(name, champion.Version), champion);
            var served = new ServedModel(champion, model);
            Volatile.Write(ref _served, _served.SetItem(name, served));
            logger.LogInformation("serving {Model} v{Version} ({Family})", name, champion.Version, champion.Family);
            Swapped?.Invoke(served);
            return true;
        }
    }
}
