using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace EAmazing.Api.Tests.Support;

/// <summary>
/// The real <c>eamazing</c> CLI as a child process (this test output's <c>eamazing.dll</c>), as the tests that start
/// <c>serve</c> need it: a free loopback port, the process with its arguments and environment, and a client once the server
/// answers its health check. Stopping is the caller's <c>Kill(entireProcessTree: true)</c> in a <c>finally</c>.
/// </summary>
public static class ServeProcess
{
    /// <summary>The start of <c>eamazing ARGS</c>: output redirected; each environment entry set, or removed when its value is null.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IEnumerable<KeyValuePair<string, string?>> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "eamazing.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    public static Process Start(IEnumerable<string> args, IEnumerable<KeyValuePair<string, string?>> environment) => Process.Start(StartInfo(args, environment))!;

    /// <summary>A loopback port nothing listens on now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Polls <paramref name="path"/> until it answers 2xx: true; false when the process exits first or after two minutes
    /// (a loaded CI machine, 2 cores running the suite's assemblies in parallel, has taken over 30 s to start it).
    /// </summary>
    public static async Task<bool> Answers(Process process, HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 480 && !process.HasExited; attempt++)
        {
            await Task.Delay(250);
            try
            {
                if ((await client.GetAsync(path)).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        return false;
    }

    /// <summary>A client of the port with the bearer key once <c>/health/ready</c> answers 200 (fails the test when it never does).</summary>
    public static async Task<HttpClient> ReadyClient(Process process, int port, string bearer)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.True(await Answers(process, client, "/health/ready"), "server never became ready");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}
