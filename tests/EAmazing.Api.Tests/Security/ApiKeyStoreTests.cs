using EAmazing.Api.Security;

namespace EAmazing.Api.Tests.Security;

public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eamazing-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_Key_Is_Stored_Only_As_Its_Hash_In_An_Owner_Only_File()
    {
        var store = new ApiKeyStore(Path.Combine(_folder, "api-keys.json"));

        var created = store.Create(ApiRoles.Reader, "shop front");

        var text = File.ReadAllText(store.Path);
        Assert.DoesNotContain(created.Secret, text);
        Assert.Contains(created.Record.Id, text);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
        }

        Assert.Equal(created.Record.Id, store.Verify(created.Secret)?.Id);
    }

    [Fact]
    public void A_Revoked_Or_Altered_Key_Is_Refused()
    {
        var store = new ApiKeyStore(Path.Combine(_folder, "api-keys.json"));
        var reader = store.Create(ApiRoles.Reader, null);
        var admin = store.Create(ApiRoles.Admin, null);

        Assert.True(store.Revoke(reader.Record.Id));

        Assert.Null(store.Verify(reader.Secret));
        Assert.Null(store.Verify(admin.Secret[..^1] + (admin.Secret[^1] == 'a' ? 'b' : 'a')));
        Assert.Equal(ApiRoles.Admin, store.Verify(admin.Secret)?.Role);
        Assert.False(store.Revoke(reader.Record.Id));
    }

    [Fact]
    public void An_Unknown_Role_Is_Refused() =>
        Assert.Throws<ArgumentException>(() => new ApiKeyStore(Path.Combine(_folder, "k.json")).Create("owner", null));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
