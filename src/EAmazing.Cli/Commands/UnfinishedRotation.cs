using EAmazing.Privacy;
using EAmazing.Privacy.Keys;

namespace EAmazing.Cli.Commands;

/// <summary>
/// A key rotation commits a month at a time, so until it ends the lake holds both keys: gold built, models trained or
/// months retired then would see one person's months under two pseudonyms. Ingest, erasure and the API refuse through the
/// key store; the commands that only need the lake refuse here, before any work.
/// </summary>
public static class UnfinishedRotation
{
    /// <summary>The refusal, naming the pending key file and the command that finishes the rotation; null when none is under way.</summary>
    private static string? Problem(CliSettings settings)
    {
        var store = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile);
        return store.RotationPending
            ? $"a pseudonym key rotation is unfinished ({KeyFile.PendingOf(store.KeyFile)} exists) and the lake may hold both keys until it ends; run `eamazing gdpr key rotate` to complete it"
            : null;
    }

    /// <summary>Prints the refusal to standard error when a rotation is under way; true then (the command exits 1).</summary>
    public static bool Refuses(CliSettings settings)
    {
        if (Problem(settings) is not { } rotating)
        {
            return false;
        }

        Console.Error.WriteLine($"error: {rotating}");
        return true;
    }
}
