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
            List<string> args = [$"--EAmazing:Lake={settings.Platform.Lake}"];
            if (parse.GetValue(Urls) is { } urls)
            {
                args.Add($"--urls={urls}");
            }

            if (parse.GetValue(GlobalOptions.Models) is { } models)
            {
                args.Add($"--EAmazing:Models={models}");
            }

            var app = ServingApp.Build([.. args]);
            await app.StartAsync(cancel);
            await app.WaitForShutdownAsync(cancel);
            return ExitCodes.Success;
        });
        return command;
    }
}
