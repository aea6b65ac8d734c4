using System.CommandLine;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Privacy;
using EAmazing.Governance.Keys;
using EAmazing.Privacy.Keys;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing gdpr key init|status|rotate</c>: the pseudonym key's life cycle. Only key ids are ever printed,
/// never a key.
/// </summary>
public static class GdprKeyCommand
{
    public static readonly Option<bool> DropUnmatched = new("--drop-unmatched-suppressions")
    {
        Description = "Remove suppressed (erased) subjects that no source file explains instead of refusing: their digests cannot be carried to the new key",
    };

    public static Command Create()
    {
        var init = new Command("init", "Create the pseudonym key file (EAmazing:PseudonymKeyFile, else ~/.config/eamazing/pseudonym.key; mode 600, outside the lake); refuses if one exists");
        init.SetAction(parse => Init(CliSettings.Load(parse.GetValue(GlobalOptions.Lake))));

        var status = new Command("status", "Show the current key id and where it comes from, and the key ids the lake records; exit 3 when they differ");
        status.SetAction(parse => Status(CliSettings.Load(parse.GetValue(GlobalOptions.Lake))));

        var rotate = new Command("rotate", "Re-pseudonymise every layer under a new key (a month at a time, each step journaled; resumable: re-run after a crash), then destroy the old key");
        rotate.Options.Add(DropUnmatched);
        rotate.SetAction(parse => Rotate(CliSettings.Load(parse.GetValue(GlobalOptions.Lake)), parse.GetValue(DropUnmatched)));

        var command = new Command("key", "The pseudonym key: create it, show which key made the lake, rotate it");
        command.Subcommands.Add(init);
        command.Subcommands.Add(status);
        command.Subcommands.Add(rotate);
        return command;
    }

    public static int Init(CliSettings settings)
    {
        var store = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile);
        try
        {
            var key = store.Initialise(settings.Platform.Lake);
            Console.Out.WriteLine($"created pseudonym key {key.KeyId} in {store.KeyFile} (mode 600). Keep it safe and outside the lake: without it, new data will not join with old pseudonyms");
            if (store.KeyFromEnvironment)
            {
                Console.Out.WriteLine($"note: {PseudonymKeyStore.EnvironmentVariable} is set and wins over this file until it is unset");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is PseudonymKeyException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    public static int Status(CliSettings settings)
    {
        var store = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile);
        PseudonymKeyResolution? current;
        try
        {
            current = store.Find();
        }
        catch (PseudonymKeyException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        Console.Out.WriteLine(current is null
            ? $"current key: none (no {PseudonymKeyStore.EnvironmentVariable}, no key file at {store.KeyFile}; run `eamazing gdpr key init`)"
            : $"current key: {current.Key.KeyId} from {Origin(current)}");
        var pending = store.KeyFromEnvironment ? null : new KeyRotation(LakeAccess.Engines, new KeyRotationOptions(settings.Platform.Lake, store)).Pending();
        if (pending is not null)
        {
            Console.Out.WriteLine($"unfinished rotation: key {pending.FromKeyId} to {pending.ToKeyId}, phase {pending.Phase}; run `eamazing gdpr key rotate` to complete it");
        }

        if (!File.Exists(LakeLayout.At(settings.Platform.Lake).Catalog))
        {
            Console.Out.WriteLine($"no lake at {Path.GetFullPath(settings.Platform.Lake)}");
            return pending is null ? ExitCodes.Success : ExitCodes.DataError;
        }

        if (!LakeAccess.TryOpen(settings, out var opened))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        var uses = LakeKeyIds.Read(lake);
        Console.Out.WriteLine($"lake {lake.Layout.Root}:");
        foreach (var use in uses)
        {
            var unit = use.Place switch { LakeKeyIds.IngestedFiles => "files", LakeKeyIds.SuppressedSubjects => "subjects", _ => "partitions" };
            var mark = use.KeyId == current?.Key.KeyId ? "" : "  <- not the current key";
            Console.Out.WriteLine($"  {use.Place,-20} key {use.KeyId}  {use.Count,8:N0} {unit}{mark}");
        }

        if (uses.Count == 0)
        {
            Console.Out.WriteLine("  (nothing recorded yet)");
        }

        var others = uses.Select(u => u.KeyId).Where(id => id != current?.Key.KeyId).Distinct().Order(StringComparer.Ordinal).ToList();
        if (others.Count > 0 || pending is not null)
        {
            Console.Error.WriteLine(others.Count > 0
                ? $"error: the lake records key id(s) {string.Join(", ", others)}, not the current key {current?.Key.KeyId ?? "(none)"}: new data would not join with it"
                : "error: a key rotation is unfinished");
            return ExitCodes.DataError;
        }

        Console.Out.WriteLine(uses.Count == 0 ? "nothing in the lake to check" : $"every record matches the current key {current!.Key.KeyId}");
        return ExitCodes.Success;
    }

    public static int Rotate(CliSettings settings, bool dropUnmatched)
    {
        var store = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile);
        var rotation = new KeyRotation(LakeAccess.Engines, new KeyRotationOptions(settings.Platform.Lake, store)
        {
            Features = settings.Features,
            DropUnmatchedSuppressions = dropUnmatched,
            EngineMemoryLimit = settings.Privacy.EngineMemoryLimit,
        });
        try
        {
            var result = rotation.Run(new SynchronousProgress<string>(line => Console.Out.WriteLine(line)));
            Console.Out.WriteLine($"{(result.Resumed ? "finished the interrupted rotation" : "rotated")}: the lake is on key {result.ToKeyId}; key {result.FromKeyId} is destroyed ({result.Seconds:N1} s). Restart any running `eamazing serve` so it loads the new key");
            return ExitCodes.Success;
        }
        catch (KeyRotationRefusedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.IsDataError ? ExitCodes.DataError : ExitCodes.UsageError;
        }
        catch (Exception e) when (e is PseudonymKeyException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"error: the rotation stopped: {e.Message.Split('\n')[0]}. Nothing is lost: run `eamazing gdpr key rotate` again to finish it");
            return ExitCodes.Failure;
        }
    }

    private static string Origin(PseudonymKeyResolution resolution) => resolution.Source switch
    {
        PseudonymKeySource.Environment => $"environment variable {PseudonymKeyStore.EnvironmentVariable}",
        PseudonymKeySource.ConfiguredFile => $"configured file {resolution.FilePath}",
        _ => $"file {resolution.FilePath}",
    };
}
