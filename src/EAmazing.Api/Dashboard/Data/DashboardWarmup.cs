using Microsoft.Extensions.Options;

namespace EAmazing.Api.Dashboard.Data;

/// <summary>
/// Reads every page's data when the server starts and again shortly after the lake or the registry changed, so a person's
/// first visit finds it cached instead of paying for DuckDB's start, the catalog's opening and the Parquet reads (about
/// 0.6 s on the demo lake). A lake that changed is read only once its version has held still for one period: a pipeline
/// of CLI steps writes in bursts, and each opening of the catalog takes its lock for a moment.
/// </summary>
public sealed class DashboardWarmup(DashboardData data, IOptions<DashboardOptions> options, ILogger<DashboardWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        var seen = "";
        try
        {
            await data.WarmAsync();
            if (period <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(period);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = data.Version;
                if (now == seen && !data.IsCurrent(now))
                {
                    await data.WarmAsync();
                }

                seen = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A visit reads what it needs itself: a failed warm-up only costs the first visit its speed.
            logger.LogWarning("dashboard: warm-up stopped: {Problem}", e.Message);
        }
    }
}
