using EAmazing.Api.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// Polls the registry for a new champion (a promotion made by the CLI or another server) and hot-swaps it, and the
/// lake's commit mark for a change under the server (<see cref="ServingGovernance"/>), after which the history is reloaded.
/// Polling card files every few seconds is cheap and, unlike file watchers, works on every file system.
/// </summary>
public sealed class RegistryWatcher(ChampionModels champions, RecommenderChampion recommender, LakeHistory history, ServingGovernance governance, IOptions<ServingOptions> options) : BackgroundService
{
    /// <summary>The first load happens before the server takes requests, so a started server is ready or says why not.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        champions.ReloadChanged();
        recommender.Reload();
        history.Refresh();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.Value.RegistryPollSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // A lake commit (ingest, erasure, retention, key rotation) changes the history, the key and the erased subjects.
                var lakeChanged = governance.Refresh();
                recommender.Reload();
                if ((champions.ReloadChanged().Count > 0 || !history.Loaded || lakeChanged) && !governance.RotationUnderWay)
                {
                    history.Refresh();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}
