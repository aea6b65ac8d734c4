using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EAmazing.Api.Security;
using EAmazing.Api.Tests.Support;
using Microsoft.Playwright;

namespace EAmazing.Api.Tests.Dashboard;

/// <summary>
/// Built once for the browser tests with the CLI, as a user would: a tiny generated Oct–Nov 2019 world ingested, its gold
/// layer built, each business model trained, promoted (forced: tiny data fails the gates) and scored; the CLI's own figures for it (lake status, segment sizes), a reader and an admin key,
/// the real <c>eamazing serve</c> on a loopback port with k set so that one segment falls under it, and headless
/// Debian Chromium driven by Playwright (no browser download).
/// </summary>
public sealed class DashboardWorld : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "eamazing-dashboard-tests", Guid.NewGuid().ToString("N"));

    public string Lake => Path.Combine(Root, "lake");

    public string Models => Path.Combine(Root, "models");

    public string ApiKeysFile => Path.Combine(Root, "config", "api-keys.json");

    public string BaseUrl { get; private set; } = "";

    public ApiKeyStore Keys { get; private set; } = null!;

    public CreatedApiKey Reader { get; private set; } = null!;

    public CreatedApiKey Admin { get; private set; } = null!;

    /// <summary>Rows per layer as <c>eamazing lake status --json</c> prints them.</summary>
    public IReadOnlyDictionary<string, long> LayerRows { get; private set; } = new Dictionary<string, long>();

    /// <summary>People per segment of the latest scored snapshot, as <c>eamazing sql</c> counts them.</summary>
    public IReadOnlyDictionary<int, long> SegmentSizes { get; private set; } = new Dictionary<int, long>();

    /// <summary>The k the server runs with: one more than the smallest segment, so that segment must be suppressed.</summary>
    public int MinGroupSize { get; private set; }

    /// <summary>Raw user ids of the generated files: none may appear on a page.</summary>
    public IReadOnlyList<string> RawUserIds { get; private set; } = [];

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;
    private Process? _server;
    private readonly System.Text.StringBuilder _serverLog = new();

    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await BuildWorld();
        using (var status = JsonDocument.Parse(await Cli("lake", "status", "--json", "--lake", Lake)))
        {
            LayerRows = status.RootElement.GetProperty("layers").EnumerateArray()
                .ToDictionary(l => l.GetProperty("layer").GetString()!, l => l.GetProperty("rows").GetInt64());
        }

        // The table's files rather than its view: after `score customers` the catalog's view gold_customer_segments is gone (seen on main).
        var segments = $"read_parquet('{Path.Combine(Lake, "gold", "customer_segments", "*", "*.parquet")}')";
        var sizes = await Cli("sql", "--csv", "--lake", Lake,
            $"SELECT segment_id, count(*) AS people FROM {segments} WHERE as_of_time = (SELECT max(as_of_time) FROM {segments}) GROUP BY ALL ORDER BY 1");
        SegmentSizes = sizes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => long.Parse(f[1], CultureInfo.InvariantCulture));
        MinGroupSize = (int)SegmentSizes.Values.Min() + 1;
        RawUserIds = Directory.EnumerateFiles(Path.Combine(Root, "data"), "*.csv.gz").Take(1).SelectMany(RawIds).Distinct().Take(300).ToList();

        Keys = new ApiKeyStore(ApiKeysFile);
        Reader = Keys.Create(ApiRoles.Reader, "browser reader");
        Admin = Keys.Create(ApiRoles.Admin, "browser admin");
        await StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root in CI, with a closed network: no sandbox, no background fetches of Google's hosts.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    /// <summary>The folder the screenshots go to, kept by CI as an artifact: artifacts/screenshots at the repository root.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EAmazing.slnx")))
            {
                folder = folder.Parent;
            }

            var path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private async Task StartServer()
    {
        var port = ServeProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = Start("serve", "--urls", BaseUrl, "--lake", Lake, "--models", Models);
        start.Environment["EAMAZING__SERVING__APIKEYSFILE"] = ApiKeysFile;
        start.Environment["EAMAZING__PRIVACY__MINGROUPSIZE"] = MinGroupSize.ToString(CultureInfo.InvariantCulture);
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => Log(e.Data);
        _server.ErrorDataReceived += (_, e) => Log(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (await ServeProcess.Answers(_server, client, "/health/live"))
        {
            return;
        }

        throw new InvalidOperationException("eamazing serve never answered:\n" + ServerLog);
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_serverLog)
            {
                _serverLog.AppendLine(line);
            }
        }
    }

    private ProcessStartInfo Start(params string[] args) =>
        ServeProcess.StartInfo(args, new Dictionary<string, string?> { ["EAMAZING_PSEUDONYM_KEY"] = ServingWorld.TestKeyHex, ["HOME"] = Root, ["NO_COLOR"] = "1" }, Root);

    private async Task BuildWorld()
    {
        var data = Path.Combine(Root, "data");
        string[] folders = ["--lake", Lake, "--models", Models];
        await Cli(["generate", "--scale", "Tiny", "--months", "2019-10..2019-11", "--out", data]);
        await Cli(["ingest", .. Directory.GetFiles(data, "*.csv.gz").Order(StringComparer.Ordinal), .. folders]);
        await Cli(["features", "build", .. folders]);
        await Cli(["train", "purchase", "--families", "prior,logistic", "--trials", "1", "--truth", Path.Combine(data, "truth"), .. folders]);
        await Cli(["models", "promote", "purchase-intent-cart", "1", "--force", .. folders]);
        await Cli(["train", "segments", "--k", "2..4", "--resamples", "5", .. folders]);
        await Cli(["models", "promote", "customer-segments", "1", "--force", .. folders]);
        await Cli(["score", "segments", .. folders]);
        await Cli(["train", "value", "--trials", "1", "--truth", Path.Combine(data, "truth"), .. folders]);
        await Cli(["models", "promote", "customer-value", "1", "--force", .. folders]);
        await Cli(["score", "customers", .. folders]);

        // An earlier snapshot scored too (segment migration), churn scored, a forecast written, and a second forecast version to compare.
        var snapshots = (await Cli("sql", "--csv", "--lake", Lake, "SELECT DISTINCT strftime(as_of_time, '%Y-%m-%d') FROM gold_user_snapshots ORDER BY 1"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        await Cli(["score", "segments", "--as-of", snapshots[^2], .. folders]);
        await Cli(["train", "churn", "--families", "logistic", "--trials", "1", .. folders]);
        await Cli(["models", "promote", "churn", "1", "--force", .. folders]);
        await Cli(["score", "churn", .. folders]);
        await Cli(["train", "forecast", "--families", "naive,ses", .. folders]);
        await Cli(["models", "promote", "demand-forecast", "1", "--force", .. folders]);
        await Cli(["forecast", .. folders]);
        await Cli(["train", "forecast", "--families", "seasonal_naive", .. folders]);
    }

    /// <summary>The rows of <c>eamazing sql --csv</c> for a one-column query (header left out, CSV quotes removed).</summary>
    public async Task<IReadOnlyList<string>> Sql(string query) =>
        [.. (await Cli("sql", "--csv", "--lake", Lake, query)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Trim('"'))];

    /// <summary>A gold table's files as a DuckDB source (the files rather than the view, as the dashboard reads them).</summary>
    public string GoldFiles(string table) => $"read_parquet('{Path.Combine(Lake, "gold", table, "*", "*.parquet")}')";

    /// <summary>Runs the CLI to its end and returns its standard output; a non-zero exit fails the fixture with its output.</summary>
    private async Task<string> Cli(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eamazing {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        }

        return await output;
    }

    private static IEnumerable<string> RawIds(string file)
    {
        using var stream = File.OpenRead(file);
        using var text = file.EndsWith(".gz", StringComparison.Ordinal)
            ? new StreamReader(new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress))
            : new StreamReader(stream);
        var header = text.ReadLine()!.Split(',');
        var column = Array.IndexOf(header, "user_id");
        for (var i = 0; i < 2000 && text.ReadLine() is { } line; i++)
        {
            yield return line.Split(',')[column];
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardWorld>
{
    public const string Name = "dashboard world";
}
