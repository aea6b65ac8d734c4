using System.Diagnostics;
using EAmazing.Api.Tests.Support;

namespace EAmazing.Api.Tests.Monitoring;

/// <summary><c>eamazing monitor drift</c> as a user runs it.</summary>
[Collection(ServingCollection.Name)]
public sealed class MonitorCommandTests(ServingWorld world)
{
    [Fact]
    public async Task Monitor_Drift_Prints_The_Table_And_Writes_The_Page_For_A_Window()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "eamazing.dll"), "monitor", "drift", "--from", "2019-10-21", "--to", "2019-10-28", "--lake", world.Lake, "--models", world.Models })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["HOME"] = world.Root;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + await errors);
        Assert.Contains("views_before", output);
        Assert.Contains("window 2019-10-21..2019-10-28 vs training 2019-10-01..", output);
        // An ordinary week: no alert (the world's emerging categories may warn on the category price mix, see DriftTests).
        Assert.Contains(" (max PSI", output);
        Assert.DoesNotContain(": ALERT (max PSI", output);
        Assert.True(File.Exists(Path.Combine(world.Lake, "monitoring", "drift", ServingWorld.ModelName, "v1-20191021-20191028.html")));
    }
}
