using System.CommandLine;
using EAmazing.Api.Configuration;
using EAmazing.Api.Security;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing api-key create|list|revoke</c>: keys for <c>eamazing serve</c>, stored hashed outside the lake.</summary>
public static class ApiKeyCommand
{
    private static readonly Option<string> Role = new("--role") { Description = "reader (predictions, registry reads) or admin (also promotion)", Required = true };
    private static readonly Option<string?> Name = new("--name") { Description = "A label for the key (who or what uses it)" };
    private static readonly Argument<string> Id = new("id") { Description = "The key's id (from api-key list)" };

    public static Command Create()
    {
        var command = new Command("api-key", "Create, list and revoke API keys for eamazing serve (file: EAmazing:Serving:ApiKeysFile)");

        var create = new Command("create", "Create a key; it is printed once and only its hash is stored");
        Role.AcceptOnlyFromAmong(ApiRoles.Reader, ApiRoles.Admin);
        create.Options.Add(Role);
        create.Options.Add(Name);
        create.SetAction(parse =>
        {
            var store = Open(parse);
            var created = store.Create(parse.GetValue(Role)!, parse.GetValue(Name));
            Console.Error.WriteLine($"created {created.Record.Role} key {created.Record.Id} ({created.Record.Name}) in {store.Path}; the key is shown once, keep it secret:");
            Console.WriteLine(created.Secret);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(create);

        var list = new Command("list", "Every key's id, name, role and state (never the key)");
        list.SetAction(parse =>
        {
            var table = new Table().AddTextColumns("id", "name", "role", "created", "state");
            foreach (var key in Open(parse).List())
            {
                table.AddTextRow(key.Id, key.Name, key.Role, $"{key.CreatedAt:yyyy-MM-dd HH:mm}", key.Active ? "active" : $"revoked {key.RevokedAt:yyyy-MM-dd HH:mm}");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(list);

        var revoke = new Command("revoke", "Revoke a key; a running server refuses it within 250 ms");
        revoke.Arguments.Add(Id);
        revoke.SetAction(parse =>
        {
            if (!Open(parse).Revoke(parse.GetValue(Id)!))
            {
                Console.Error.WriteLine($"error: no active key with id {parse.GetValue(Id)}");
                return ExitCodes.UsageError;
            }

            Console.WriteLine($"revoked {parse.GetValue(Id)}");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(revoke);
        return command;
    }

    private static ApiKeyStore Open(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        return new ApiKeyStore(settings.Serving.ApiKeysFile ?? ApiKeyStore.DefaultFilePath);
    }
}
