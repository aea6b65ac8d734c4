using EAmazing.Api.Configuration;
using EAmazing.Api.Scoring;
using EAmazing.Foundation.Configuration;
using EAmazing.Lake;
using EAmazing.Privacy;
using EAmazing.Privacy.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Tests.Scoring;

/// <summary>
/// A key rotation commits a month at a time: a running server must not follow the lake while it holds both keys (its
/// history and erased set would be neither key's whole), and must follow it once the rotation's last commit lands.
/// </summary>
public sealed class ServingGovernanceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "eamazing-governance-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_server_keeps_its_key_while_the_lake_holds_two_and_takes_the_new_one_with_the_last_commit()
    {
        var lake = Path.Combine(_root, "lake");
        var keyFile = Path.Combine(_root, "keys", "pseudonym.key");
        var oldKey = PseudonymKey.Generate();
        var newKey = PseudonymKey.Generate();
        KeyFile.Write(keyFile, oldKey);
        KeyFile.Write(KeyFile.PendingOf(keyFile), newKey, overwrite: true);
        Mark(lake, 1, oldKey.KeyId);
        var paths = new ServingPaths(Options.Create(new PlatformOptions { Lake = lake }), Options.Create(new ServingOptions()));
        var governance = new ServingGovernance(paths, oldKey, Options.Create(new PlatformOptions { PseudonymKeyFile = keyFile }), NullLogger<ServingGovernance>.Instance);

        // a month committed under the new key, the others still on the old one
        Mark(lake, 2, oldKey.KeyId, newKey.KeyId);
        var midway = governance.Refresh();
        var keyMidway = governance.Key.KeyId;

        // the rotation's last commit: every partition and ingested file on the new key
        Mark(lake, 3, newKey.KeyId);
        var done = governance.Refresh();

        Assert.False(midway);
        Assert.Equal(oldKey.KeyId, keyMidway);
        Assert.True(done);
        Assert.Equal(newKey.KeyId, governance.Key.KeyId);
        Assert.False(governance.RotationUnderWay);
    }

    private static void Mark(string lake, long sequence, params string[] keyIds)
    {
        var path = LakeCommitMark.PathOf(LakeLayout.At(lake));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $$"""{"sequence": {{sequence}}, "key_ids": [{{string.Join(", ", keyIds.Select(k => $"\"{k}\""))}}], "suppressed": []}""");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
