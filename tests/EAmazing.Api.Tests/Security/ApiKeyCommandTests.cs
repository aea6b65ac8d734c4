using System.Diagnostics;

namespace EAmazing.Api.Tests.Security;

/// <summary><c>eamazing api-key create|list|revoke</c> as a user runs them.</summary>
public sealed class ApiKeyCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eamazing-key-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Create_Prints_The_Key_Once_List_Never_Shows_It_And_Revoke_Marks_It()
    {
        var (created, key) = Run("api-key", "create", "--role", "admin", "--name", "ops");
        var id = key.Trim()[4..12];

        var (listed, list) = Run("api-key", "list");
        var (revoked, _) = Run("api-key", "revoke", id);
        var (again, _) = Run("api-key", "revoke", id);
        var (badRole, _) = Run("api-key", "create", "--role", "owner");

        Assert.Equal(0, created);
        Assert.StartsWith("eak_", key.Trim());
        Assert.Equal(0, listed);
        Assert.Contains(id, list);
        Assert.Contains("ops", list);
        Assert.DoesNotContain(key.Trim(), list);
        Assert.DoesNotContain(key.Trim(), File.ReadAllText(Path.Combine(_folder, "keys.json")));
        Assert.Equal(0, revoked);
        Assert.Equal(2, again);
        Assert.Equal(2, badRole);
    }

    private (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "eamazing.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EAMAZING__SERVING__APIKEYSFILE"] = Path.Combine(_folder, "keys.json");
        start.Environment["HOME"] = _folder;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = errors.Result;
        return (process.ExitCode, output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
