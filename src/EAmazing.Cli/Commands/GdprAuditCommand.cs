using System.CommandLine;
using System.Globalization;
using EAmazing.Governance.Audit;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing gdpr audit verify|show</c>: checks the hash chain of the lake's audit trail, or prints its latest entries.</summary>
public static class GdprAuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit trail's hash chain; names the first edited, removed or reordered entry");
        verify.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var trail = AuditTrail.ForLake(settings.Platform.Lake);
            var result = trail.Verify();
            if (result.Intact)
            {
                Console.Out.WriteLine($"audit trail {trail.Path}: {result.Entries:N0} entries, chain intact");
                return ExitCodes.Success;
            }

            Console.Error.WriteLine($"audit trail {trail.Path}: {result.Problem}");
            return ExitCodes.DataError;
        });
        var last = new Option<int>("--last") { Description = "How many of the latest entries to show", DefaultValueFactory = _ => 50 };
        var show = new Command("show", "Print the latest audit entries: sequence, time, actor, action, target, detail");
        show.Options.Add(last);
        show.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var trail = AuditTrail.ForLake(settings.Platform.Lake);
            IReadOnlyList<AuditRecord> entries;
            try
            {
                entries = trail.Read();
            }
            catch (System.Text.Json.JsonException e)
            {
                Console.Error.WriteLine($"audit trail {trail.Path}: unreadable ({e.Message}); run eamazing gdpr audit verify");
                return ExitCodes.DataError;
            }

            var table = new Table().AddColumns("#", "time (UTC)", "actor", "action", "target", "detail");
            foreach (var e in entries.TakeLast(Math.Max(1, parse.GetValue(last))))
            {
                table.AddRow(e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                    Markup.Escape(e.Actor), Markup.Escape(e.Action), Markup.Escape(e.Target ?? ""), Markup.Escape(e.Detail ?? ""));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"[grey]{entries.Count:N0} entries in {trail.Path}[/]");
            return ExitCodes.Success;
        });
        var command = new Command("audit", "The append-only, hash-chained audit trail of access to personal data");
        command.Subcommands.Add(verify);
        command.Subcommands.Add(show);
        return command;
    }
}
