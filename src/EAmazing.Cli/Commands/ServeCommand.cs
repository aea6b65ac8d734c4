using System.CommandLine;
using EAmazing.Api;
using Microsoft.Extensions.Hosting;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing serve</c>: the prediction and model API (ASP.NET Core on Kestrel, loopback by default).</summary>
public static class ServeCommand
{
    public static readonly Option<string?> Urls = new("--urls")
    {
        Description = $"Addresses to listen on (default: configuration 'urls', else {ServingApp.DefaultUrls}; loopback only unless you say otherwise)",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the business models' online predictions, the model registry, health, metrics and OpenAPI over HTTP");
        command.Options.Add(Urls);
        command.SetAction(async (parse, cancel) =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            // The host checks them again at start; here a bad one is a usage error in one line, not a stack trace.
            _ = settings.Serving;
            var args = Arguments(settings, parse.GetValue(GlobalOptions.Models));
            if (parse.GetValue(Urls) is { } urls)
            {
                args.Add($"--urls={urls}");
            }

            var app = ServingApp.Build([.. args]);
            await app.StartAsync(cancel);
            await app.WaitForShutdownAsync(cancel);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The serving app's settings from the CLI's: its lake and, when given, its registry (the demo's sample prediction uses them too).</summary>
    public static List<string> Arguments(CliSettings settings, string? models)
    {
        List<string> args = [$"--EAmazing:Lake={settings.Platform.Lake}"];
        if (models is not null)
        {
            args.Add($"--EAmazing:Models={models}");
        }

        return args;
    }
}
