using EAmazing.Core.Tests.Support;
using EAmazing.Privacy;

namespace EAmazing.Core.Tests.Privacy;

public sealed class PseudonymKeyTests
{
    private const string Hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    [Fact]
    public void The_environment_variable_wins_over_a_configured_file()
    {
        using var folder = new TempFolder();
        var store = new PseudonymKeyStore(name => name == PseudonymKeyStore.EnvironmentVariable ? Hex : null, folder.File("missing.key"), folder.File("default.key"));

        var resolution = store.Resolve();

        Assert.Equal(PseudonymKeySource.Environment, resolution.Source);
        Assert.Equal(Hex, resolution.Key.ToHex());
    }

    [Fact]
    public void A_missing_key_is_created_once_with_owner_only_permissions_then_reused()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "config", "eamazing", "pseudonym.key");
        var store = new PseudonymKeyStore(_ => null, null, path);

        var created = store.Resolve();
        var reused = store.Resolve();

        Assert.Equal(PseudonymKeySource.CreatedDefaultFile, created.Source);
        Assert.Equal(PseudonymKeySource.DefaultFile, reused.Source);
        Assert.Equal(created.Key.KeyId, reused.Key.KeyId);
        Assert.Contains("created a new pseudonym key", created.Describe(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_configured_key_file_that_does_not_exist_is_an_error_naming_the_file()
    {
        using var folder = new TempFolder();
        var store = new PseudonymKeyStore(_ => null, folder.File("nope.key"), folder.File("default.key"));

        var error = Assert.Throws<PseudonymKeyException>(store.Resolve);

        Assert.Contains("nope.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_key_is_rejected_without_echoing_it()
    {
        var store = new PseudonymKeyStore(_ => "secret-but-too-short", null, "/nonexistent");

        var error = Assert.Throws<PseudonymKeyException>(store.Resolve);

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_id_is_the_first_8_hex_digits_of_its_sha256_and_the_key_never_prints()
    {
        PseudonymKey.TryParseHex(Hex, out var key, out _);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(Hex)))[..8];
        Assert.Equal(expected, key!.KeyId);
        Assert.DoesNotContain(Hex, key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("00112233", key.ToString(), StringComparison.Ordinal);
    }
}
