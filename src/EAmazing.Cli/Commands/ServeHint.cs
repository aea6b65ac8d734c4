using EAmazing.Models.Registry;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>What to type after the demo to serve its model: promote (when no champion yet), make a key, start the server, call it.</summary>
public static class ServeHint
{
    public static void Print(CliSettings settings)
    {
        var registry = new ModelRegistry(settings.Platform.Models);
        var version = registry.Versions("purchase-intent-cart").LastOrDefault()?.Version ?? 1;
        var hasChampion = registry.Champion("purchase-intent-cart") is not null;
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Serve it[/] (API on http://127.0.0.1:5080, OpenAPI at /openapi/v1.json, metrics at /metrics):");
        var lines = new[]
        {
            hasChampion ? "" : $"eamazing models promote purchase-intent-cart {version}",
            "KEY=$(eamazing api-key create --role reader --name demo)",
            "eamazing serve &",
            "curl -s -H \"Authorization: Bearer $KEY\" -H 'Content-Type: application/json' http://127.0.0.1:5080/v1/purchase-intent \\",
            "  -d '{\"user_id\": 512386086, \"cart\": {\"time\": \"2019-11-20T10:15:00Z\", \"product_id\": 1004856, \"category_id\": 2053013555631882655, \"price\": 130.76},",
            "       \"session\": [{\"time\": \"2019-11-20T10:10:00Z\", \"type\": \"view\", \"product_id\": 1004856, \"category_id\": 2053013555631882655, \"price\": 130.76}]}'",
            "eamazing monitor drift --from 2019-11-16 --to 2019-11-18",
        };
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            AnsiConsole.WriteLine("  " + line);
        }
    }
}
