using System.CommandLine;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing gdpr …</c>: the DPO's commands. Each area (keys, access, erasure, retention, register,
/// audit) lives in its own <c>Gdpr*Command</c> file and is added here.
/// </summary>
public static class GdprCommand
{
    public static Command Create()
    {
        var command = new Command("gdpr", "Privacy and governance: keys, right of access and erasure, retention, register, audit log");
        command.Subcommands.Add(GdprAuditCommand.Create());
        command.Subcommands.Add(GdprKeyCommand.Create());
        command.Subcommands.Add(GdprEraseCommand.Create());
        command.Subcommands.Add(GdprExportCommand.Create());
        command.Subcommands.Add(GdprRetentionCommand.Create());
        command.Subcommands.Add(GdprRegisterCommand.Create());
        return command;
    }
}
