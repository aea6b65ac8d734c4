using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// What to type after the demo to serve its models: promote (when no champion yet), make a key, start the server, call each
/// online endpoint. Every <c>./eamazing</c> line carries the run's own <c>--lake</c>/<c>--models</c> when it was given them,
/// so the hint serves the lake and registry the run used, not the configured defaults.
/// </summary>
public static class ServeHint
{
    public static void Print(CliSettings settings, IReadOnlyList<string>? options = null, BusinessModelCatalog? catalog = null)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Serve it[/] (API on http://127.0.0.1:5080, OpenAPI at /openapi/v1.json, metrics at /metrics):");
        foreach (var line in Lines(new ModelRegistry(settings.Platform.Models), options, catalog))
        {
            AnsiConsole.WriteLine("  " + line);
        }
    }

    /// <summary>The hint's command lines, each <c>./eamazing</c> one ending with <paramref name="options"/> (shell-quoted).</summary>
    public static IReadOnlyList<string> Lines(ModelRegistry registry, IReadOnlyList<string>? options = null, BusinessModelCatalog? catalog = null)
    {
        var given = options is { Count: > 0 } ? " " + string.Join(' ', options.Select(Shell)) : "";
        var scorers = (catalog ?? BusinessModelCatalog.Default).All.Select(m => m.Scorer).OfType<IOnlineScorer>().ToList();
        var lines = new List<string>();
        foreach (var scorer in scorers.Where(s => registry.Champion(s.DefaultModel) is null))
        {
            var version = registry.Versions(scorer.DefaultModel).LastOrDefault()?.Version ?? 1;
            lines.Add($"./eamazing models promote {scorer.DefaultModel} {version}{given}");
        }

        lines.Add($"KEY=$(./eamazing api-key create --role reader --name demo{given})");
        lines.Add($"./eamazing serve{given} &");
        foreach (var endpoint in scorers.Select(s => s.Endpoint))
        {
            lines.Add($"curl -s -H \"Authorization: Bearer $KEY\" -H 'Content-Type: application/json' http://127.0.0.1:5080/v1{endpoint.Route} \\");
            // The example's continuation lines line up under its first character, after "  -d '".
            var example = endpoint.Example.ReplaceLineEndings("\n").Split('\n');
            lines.Add("  -d '" + example[0]);
            lines.AddRange(example.Skip(1).Select(l => "      " + l));
            lines[^1] += "'";
        }

        lines.Add($"./eamazing monitor drift --from 2019-11-16 --to 2019-11-18{given}");
        return lines;
    }

    /// <summary>A word as a POSIX shell reads it back: bare when it holds only safe characters, else in single quotes.</summary>
    private static string Shell(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '=' or ':' or ',')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
