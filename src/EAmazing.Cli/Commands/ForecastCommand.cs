using System.CommandLine;
using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing forecast [--horizon N]</c>: every forecasting model of the catalog with an output table applies its champion
/// to the lake's latest days and writes its forecast, with intervals, as a gold partition (aggregates per category and
/// day, no person's data). Exit codes: 0 written, 1 lake not openable, storage failure or audit not recorded,
/// 2 bad horizon (the message names the longest usable one), 3 no champion or no data (nothing written).
/// </summary>
public static class ForecastCommand
{
    public static readonly Option<int> Horizon = new("--horizon") { Description = "Days to forecast after the lake's last day", DefaultValueFactory = _ => 28 };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var writers = catalog.All.Select(m => m.ForecastWriter).OfType<IForecastWriter>().ToList();
        var command = new Command("forecast", $"Forecast with the champion and write the forecast with 80% and 95% intervals to gold ({string.Join(", ", writers.Select(w => w.Table.ViewName))})");
        command.Options.Add(Horizon);
        command.SetAction(parse => Execute(parse, writers));
        return command;
    }

    private static int Execute(ParseResult parse, IReadOnlyList<IForecastWriter> writers)
    {
        var settings = GoldWriteRun.Settings(parse);
        var horizon = parse.GetValue(Horizon);
        if (horizon < 1)
        {
            Console.Error.WriteLine($"error: --horizon {horizon} is not a number of days (1 or more)");
            return ExitCodes.UsageError;
        }

        if (!LakeAccess.TryOpen(settings, out var opened))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        foreach (var writer in writers)
        {
            if (GoldWriteRun.Run($"forecasting {writer.Table.ViewName}", "forecasting", writer.Table.ViewName,
                progress => writer.Write(new BatchScoringContext(lake, new ModelRegistry(settings.Platform.Models)), horizon, progress), out var written) is { } failed)
            {
                return failed;
            }

            var outcome = written!;
            if (!CliAudit.Record(settings.Platform.Lake, "forecast", $"{writer.Table.ViewName} {outcome.Partition}", $"{outcome.Rows} rows, horizon {horizon}"))
            {
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Success;
    }
}
