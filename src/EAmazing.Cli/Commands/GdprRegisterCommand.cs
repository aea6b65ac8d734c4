using System.CommandLine;
using EAmazing.Governance.Register;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing gdpr register [--out FILE]</c>: the register of processing activities (art. 30) as Markdown.</summary>
public static class GdprRegisterCommand
{
    public static readonly Option<string?> Out = new("--out") { Description = "Write the Markdown to this file instead of the console" };

    public static Command Create()
    {
        var command = new Command("register", "Write the register of processing activities (GDPR art. 30) from the code's purposes and the live lake, as Markdown");
        command.Options.Add(Out);
        command.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            if (!LakeAccess.TryOpen(settings, out var lake))
            {
                return ExitCodes.Failure;
            }

            string markdown;
            using (lake)
            {
                markdown = new ProcessingRegister(lake!, settings.Privacy).ToMarkdown(DateTime.UtcNow);
            }

            if (parse.GetValue(Out) is not { } path)
            {
                Console.Out.Write(markdown);
                return ExitCodes.Success;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, markdown);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write {path}: {e.Message}");
                return ExitCodes.Failure;
            }

            Console.Out.WriteLine($"register written to {Path.GetFullPath(path)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
