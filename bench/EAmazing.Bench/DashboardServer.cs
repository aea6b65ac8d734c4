using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace EAmazing.Bench;

/// <summary>
/// The built <c>eamazing serve</c> (Release CLI) over an existing lake and registry, as a user opens the dashboard: a
/// reader key made with <c>eamazing api-key create</c>, here in a throw-away key file and cookie-key folder (environment
/// variables, so the user's own keys are never touched), the server on a free loopback port, ready once
/// <c>GET /health/live</c> answers. Disposing stops the server and deletes the throw-away folder.
/// </summary>
public sealed partial class DashboardServer : IDisposable
{
    private readonly string _work;
    private readonly Process _server;

    private DashboardServer(string work, Process server, string baseUrl, string key)
    {
        _work = work;
        _server = server;
        BaseUrl = baseUrl;
        Key = key;
    }

    public string BaseUrl { get; }

    /// <summary>The reader key's secret, to sign in with.</summary>
    public string Key { get; }

    /// <summary>Starts the server with a reader key named <paramref name="keyName"/> (the name the pages show); null (after a line on stderr) when it never answered.</summary>
    public static DashboardServer? Start(string lake, string models, string keyName)
    {
        var work = Directory.CreateTempSubdirectory("eamazing-dashboard-").FullName;
        var cli = Path.Combine(Loopback.RepositoryRoot(), "src", "EAmazing.Cli", "bin", "Release", "net10.0", "linux-x64", "eamazing.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli} is missing: run `dotnet build EAmazing.slnx -c Release` first");
            Directory.Delete(work, recursive: true);
            return null;
        }

        var environment = new Dictionary<string, string>
        {
            ["EAMAZING__SERVING__APIKEYSFILE"] = Path.Combine(work, "api-keys.json"),
            ["EAMAZING__DASHBOARD__KEYSFOLDER"] = Path.Combine(work, "dashboard-keys"),
        };
        var key = Output(cli, environment, "api-key", "create", "--role", "reader", "--name", keyName).Trim().Split('\n')[^1].Trim();
        var baseUrl = $"http://127.0.0.1:{Loopback.FreePort()}";
        var server = BenchProcess.Start(cli, environment, "serve", "--urls", baseUrl, "--lake", lake, "--models", models);
        var started = new DashboardServer(work, server, baseUrl, key);
        if (started.WaitLive())
        {
            return started;
        }

        started.Dispose();
        Console.Error.WriteLine("eamazing serve did not start");
        return null;
    }

    /// <summary>Signs <paramref name="client"/> in through the form (anti-forgery token included); its cookies then hold the session.</summary>
    public void SignIn(HttpClient client)
    {
        var form = client.GetStringAsync(BaseUrl + "/signin").Result;
        var token = TokenField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = Key, ["__RequestVerificationToken"] = token });
        var response = client.PostAsync(BaseUrl + "/signin", content).Result;
        if (response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
        }
    }

    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
        }

        _server.WaitForExit();
        _server.Dispose();
        Directory.Delete(_work, recursive: true);
    }


    private bool WaitLive()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        for (var attempt = 0; attempt < 240 && !_server.HasExited; attempt++)
        {
            try
            {
                if (client.GetAsync("/health/live").Result.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (AggregateException)
            {
                // not listening yet
            }

            Thread.Sleep(250);
        }

        return false;
    }

    private static string Output(string cli, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        BenchProcess.Capture(BenchProcess.Start(cli, environment, args), standardOutputOnly: true);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
