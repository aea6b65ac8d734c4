using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>What to type after the demo to serve its models: promote (when no champion yet), make a key, start the server, call each online endpoint.</summary>
public static class ServeHint
{
    public static void Print(CliSettings settings, BusinessModelCatalog? catalog = null)
    {
        var registry = new ModelRegistry(settings.Platform.Models);
        var scorers = (catalog ?? BusinessModelCatalog.Default).All.Select(m => m.Scorer).OfType<IOnlineScorer>().ToList();
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Serve it[/] (API on http://127.0.0.1:5080, OpenAPI at /openapi/v1.json, metrics at /metrics):");
        var lines = new List<string>();
        foreach (var scorer in scorers.Where(s => registry.Champion(s.DefaultModel) is null))
        {
            var version = registry.Versions(scorer.DefaultModel).LastOrDefault()?.Version ?? 1;
            lines.Add($"./eamazing models promote {scorer.DefaultModel} {version}");
        }

        lines.Add("KEY=$(./eamazing api-key create --role reader --name demo)");
        lines.Add("./eamazing serve &");
        foreach (var endpoint in scorers.Select(s => s.Endpoint))
        {
            lines.Add($"curl -s -H \"Authorization: Bearer $KEY\" -H 'Content-Type: application/json' http://127.0.0.1:5080/v1{endpoint.Route} \\");
            // The example's continuation lines line up under its first character, after "  -d '".
            var example = endpoint.Example.ReplaceLineEndings("\n").Split('\n');
            lines.Add("  -d '" + example[0]);
            lines.AddRange(example.Skip(1).Select(l => "      " + l));
            lines[^1] += "'";
        }

        lines.Add("./eamazing monitor drift --from 2019-11-16 --to 2019-11-18");
        foreach (var line in lines)
        {
            AnsiConsole.WriteLine("  " + line);
        }
    }
}
