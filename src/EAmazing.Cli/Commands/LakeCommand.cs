using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Lake;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing lake status</c>: layers, partitions, rows and sizes of the lake.</summary>
public static class LakeCommand
{
    public static readonly Option<bool> Json = new("--json") { Description = "Print the status as JSON" };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create()
    {
        var status = new Command("status", "Show the lake's layers, partitions, rows and sizes, and the ingested files");
        status.Options.Add(Json);
        status.SetAction(parse => Status(parse));
        var verify = new Command("verify", "Check that the lake's files agree with its catalog (each file there, its row count and content hash, accounting, silver vs bronze)");
        verify.SetAction(parse => Verify(parse));
        var command = new Command("lake", "Inspect the lake");
        command.Subcommands.Add(status);
        command.Subcommands.Add(verify);
        return command;
    }

    public static int Verify(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!LakeAccess.TryOpen(settings, out var lake, warnMissing: false))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var problems = LakeConsistency.Check(lake!);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"inconsistent: {problem}");
            }

            Console.Out.WriteLine(problems.Count == 0 ? $"lake {lake!.Layout.Root} is consistent" : $"{problems.Count} problem(s) found");
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.DataError;
        }
    }

    public static int Status(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var status = LakeStatus.Of(lake!);
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(status, JsonOptions));
                return ExitCodes.Success;
            }

            AnsiConsole.MarkupLineInterpolated($"Lake [bold]{status.Root}[/]");
            var layers = new Table().Title("Layers").AddColumns("layer", "partitions", "files", "rows", "bytes");
            foreach (var l in status.Layers)
            {
                layers.AddRow(l.Layer, $"{l.Partitions:N0}", $"{l.Files:N0}", $"{l.Rows:N0}", $"{l.Bytes:N0}");
            }

            AnsiConsole.Write(layers);
            var partitions = new Table().Title("Partitions").AddColumns("layer", "partition", "path", "rows", "bytes", "key id");
            foreach (var p in status.Partitions)
            {
                partitions.AddRow(p.Layer, p.PartitionKey, Markup.Escape(p.Path), $"{p.Rows:N0}", $"{p.Bytes:N0}", p.KeyId);
            }

            AnsiConsole.Write(partitions);
            var files = new Table().Title("Ingested files").AddColumns("file", "status", "read", "accepted", "duplicate", "quarantined", "suppressed", "key id", "sha256");
            foreach (var f in status.Files)
            {
                files.AddRow(Markup.Escape(Path.GetFileName(f.Path)), f.Status.ToString(), $"{f.Rows.Read:N0}", $"{f.Rows.Accepted:N0}",
                    $"{f.Rows.Duplicates:N0}", $"{f.Rows.Quarantined:N0}", $"{f.Rows.Suppressed:N0}", f.KeyId, f.Sha256[..12] + "…");
            }

            AnsiConsole.Write(files);
            return ExitCodes.Success;
        }
    }
}
