using System.CommandLine;
using EAmazing.Privacy.Audit;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing gdpr audit verify</c>: checks the hash chain of the lake's audit trail.</summary>
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
        var command = new Command("audit", "The append-only, hash-chained audit trail of access to personal data");
        command.Subcommands.Add(verify);
        return command;
    }
}
