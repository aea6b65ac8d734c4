using System.CommandLine;
using System.Globalization;
using EAmazing.BusinessModels;
using Microsoft.Playwright;

namespace EAmazing.Bench;

/// <summary>
/// <c>screenshots</c>: the README's dashboard pictures from a real lake. Starts the built <c>eamazing serve</c> over the
/// lake and registry with a reader key made by <c>eamazing api-key create --role reader --name me</c> (<see cref="DashboardServer"/>), signs in
/// through the sign-in form in headless Debian Chromium (<c>/usr/bin/chromium</c>, driven by Microsoft.Playwright as the
/// browser tests do: no browser download), opens each page, waits until every chart is drawn, and writes
/// <c>dashboard-PAGE.png</c> (the full page at a fixed viewport width). A page that answers other than 200, a console
/// error, a failed request or an undrawn chart makes it exit 1.
/// </summary>
public static class DashboardScreenshots
{
    private static readonly Option<string> LakeOption = new("--lake") { Description = "Lake the dashboard reads (serve may write into it: use a copy of a shared lake)", Required = true };
    private static readonly Option<string> ModelsOption = new("--models") { Description = "Model registry the dashboard reads", Required = true };
    private static readonly Option<string> OutOption = new("--out") { Description = "Folder the PNGs go to", DefaultValueFactory = _ => "docs" };
    private static readonly Option<string[]> PagesOption = new("--pages")
    {
        Description = "Pages to take: overview, models, compare, privacy and business model names (" + string.Join(", ", BusinessModelCatalog.Default.All.Select(m => m.Name)) + "), or all",
        DefaultValueFactory = _ => DashboardPages.Main,
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> WidthOption = new("--width") { Description = "Viewport width in CSS pixels", DefaultValueFactory = _ => 1280 };
    private static readonly Option<int> HeightOption = new("--height") { Description = "Viewport height in CSS pixels (the picture is the full page)", DefaultValueFactory = _ => 900 };
    private static readonly Option<string> ChromiumOption = new("--chromium") { Description = "Chromium executable", DefaultValueFactory = _ => "/usr/bin/chromium" };

    public static Command Create()
    {
        var command = new Command("screenshots", "Write a PNG of each dashboard page of eamazing serve over a real lake (headless Chromium)");
        foreach (var option in new Option[] { LakeOption, ModelsOption, OutOption, PagesOption, WidthOption, HeightOption, ChromiumOption })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => RunAsync(parse));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse)
    {
        var models = parse.GetValue(ModelsOption)!;
        var output = Path.GetFullPath(parse.GetValue(OutOption)!);
        var chromium = parse.GetValue(ChromiumOption)!;
        IReadOnlyList<(string Name, string Path)> pages;
        try
        {
            pages = DashboardPages.Select(models, parse.GetValue(PagesOption)!.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList());
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }

        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine($"--chromium: {chromium} does not exist (Debian: apt-get install chromium)");
            return 2;
        }

        Directory.CreateDirectory(output);
        using var server = DashboardServer.Start(parse.GetValue(LakeOption)!, models, "me");
        if (server is null)
        {
            return 1;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The browser tests' flags: root in CI, closed network, no background fetches of Google's hosts.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = parse.GetValue(WidthOption), Height = parse.GetValue(HeightOption) } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico on its own; the dashboard has none, and no page links one.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"console on {page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add($"failed request: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };

        // Sign in as a person would: the dashboard sends an anonymous visit to the form.
        await page.GotoAsync(server.BaseUrl + "/");
        await page.FillAsync("#key", server.Key);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(server.BaseUrl + "/");

        foreach (var (name, path) in pages)
        {
            var response = await page.GotoAsync(server.BaseUrl + path);
            if (response?.Status != 200)
            {
                problems.Add($"{path} answered {response?.Status}");
                continue;
            }

            var charts = page.Locator(".chart");
            var count = await charts.CountAsync();
            for (var i = 0; i < count; i++)
            {
                if (await charts.Nth(i).GetAttributeAsync("data-rendered") != "true" || await charts.Nth(i).Locator("svg").CountAsync() == 0)
                {
                    problems.Add($"{path}: chart {i} was not drawn");
                }
            }

            var file = Path.Combine(output, $"dashboard-{name}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path,-22} {count,2} charts  {new FileInfo(file).Length / 1024,5} KiB  {file}"));
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
