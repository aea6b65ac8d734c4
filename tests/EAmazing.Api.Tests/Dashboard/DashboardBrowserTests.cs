using System.Globalization;
using System.Text.RegularExpressions;
using EAmazing.BusinessModels;
using EAmazing.Models.Registry;
using Microsoft.Playwright;

namespace EAmazing.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against the real <c>eamazing serve</c>: every page after sign-in, its figures
/// equal to the CLI's (or the registry's, which <c>models list</c> prints), drawn charts, no console error, no failed
/// request, no group under k, no raw id, a screenshot per page (artifacts/screenshots); roles and sessions enforced.
/// </summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DashboardBrowserTests(DashboardWorld world)
{
    [Fact]
    public async Task A_reader_sees_every_page_with_the_CLIs_figures_and_no_error()
    {
        var (page, problems) = await SignedIn(world.Reader.Secret);
        var registry = new ModelRegistry(world.Models);
        var catalog = BusinessModelCatalog.Default;

        // Overview: the silver rows `eamazing lake status` counts.
        await Visit(page, "/", "overview");
        Assert.Equal(world.LayerRows["silver"].ToString("N0", CultureInfo.InvariantCulture), await page.InnerTextAsync("tr[data-layer=silver] td.rows"));

        // Models: each champion's primary metric as its card (what `models list` prints) holds it.
        await Visit(page, "/models", "models");
        var champions = catalog.All.SelectMany(m => m.RegistryNames).Select(registry.Champion).OfType<ModelCard>().ToList();
        Assert.Equal(5, champions.Count);
        foreach (var champion in champions)
        {
            var name = champion.Name;
            var shown = await page.GetAttributeAsync($"#business-models tr[data-registry='{name}'] .estimate", "data-value");
            Assert.Equal(champion.Primary!.Value.Estimate, double.Parse(shown!, CultureInfo.InvariantCulture));
        }

        // One page per business model of the catalog, each champion's card and the training report.
        foreach (var model in catalog.All)
        {
            await Visit(page, "/models/" + model.Name, "model-" + model.Name);
            foreach (var champion in model.RegistryNames.Select(registry.Champion).OfType<ModelCard>())
            {
                var name = champion.Name;
                Assert.Equal(champion.Primary!.Value.Estimate.ToString("0.0000", CultureInfo.InvariantCulture),
                    await page.InnerTextAsync($"section[data-registry='{name}'] table.estimates .estimate[data-metric='{champion.PrimaryMetric}']"));
                await Visit(page, $"/versions/{name}/{champion.Version}", $"version-{name}");
                Assert.Equal(0, await page.Locator("#promote").CountAsync());
            }
        }

        // Segments: each segment's size as `eamazing sql` counts it, or <k for the one under k (and no measure beside it).
        await page.GotoAsync(world.BaseUrl + "/models/segments");
        var rows = await page.Locator("section.insight table tr").AllInnerTextsAsync();
        foreach (var (segment, people) in world.SegmentSizes)
        {
            var cells = rows.Select(r => r.Split('\t')).First(c => c[0].Trim() == segment.ToString(CultureInfo.InvariantCulture));
            var expected = people < world.MinGroupSize ? "<" + world.MinGroupSize.ToString(CultureInfo.InvariantCulture) : people.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(expected, cells[2].Trim());
            if (people < world.MinGroupSize)
            {
                Assert.All(cells[3..6], c => Assert.Equal("", c.Trim()));
            }
        }

        await Visit(page, "/privacy", "privacy");
        Assert.Equal(world.MinGroupSize.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#k"));
        Assert.Contains("chain intact", await page.InnerTextAsync("#audit"), StringComparison.Ordinal);

        var report = registry.Champion("purchase-intent-cart")!;
        var response = await page.GotoAsync($"{world.BaseUrl}/reports/{report.Name}/{report.Version}/index.html");
        Assert.Equal(200, response!.Status);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Churn_forecast_migration_and_comparison_show_the_CLIs_figures()
    {
        var (page, problems) = await SignedIn(world.Reader.Secret);

        // Forecast: the largest top-level category's first forecast day as `eamazing sql` reads it from gold demand_forecast.
        await Visit(page, "/models/forecast", "model-forecast-sections");
        var first = (await page.Locator("section.insight table tr").Nth(1).AllInnerTextsAsync())[0].Split('\t');
        var expected = (await world.Sql($"""
            SELECT printf('%.1f [%.1f, %.1f]', forecast, lower_80, upper_80) FROM {world.GoldFiles("demand_forecast")}
            WHERE level = 'top_category' AND target = 'purchases' AND category_key = '{first[0].Trim()}' ORDER BY as_of_time DESC, day LIMIT 1
            """)).Single();
        Assert.Equal(expected, first[3].Trim());
        Assert.True(await page.Locator(".chart svg path").CountAsync() > 0);

        // Churn: the users who never bought, as `eamazing sql` counts them in the latest snapshot (or <k).
        await Visit(page, "/models/churn", "model-churn-sections");
        var neverBought = long.Parse((await world.Sql(
            $"SELECT count(*) FROM {world.GoldFiles("churn_scores")} WHERE as_of_time = (SELECT max(as_of_time) FROM {world.GoldFiles("churn_scores")}) AND NOT has_purchased")).Single(), CultureInfo.InvariantCulture);
        var group = (await page.Locator("section.insight table tr").AllInnerTextsAsync()).Select(r => r.Split('\t')).First(c => c[0].Trim() == "never bought");
        Assert.Equal(neverBought < world.MinGroupSize ? "<" + world.MinGroupSize.ToString(CultureInfo.InvariantCulture) : neverBought.ToString(CultureInfo.InvariantCulture), group[1].Trim());

        // Segments: the migration between the two scored snapshots is drawn as a sankey.
        await page.GotoAsync(world.BaseUrl + "/models/segments");
        Assert.Contains("Segment migration", await page.InnerTextAsync("body"), StringComparison.Ordinal);

        // Compare: both forecast versions' metrics as their cards hold them.
        var registry = new ModelRegistry(world.Models);
        await Visit(page, "/compare/demand-forecast?a=1&b=2", "compare");
        foreach (var card in registry.Versions("demand-forecast"))
        {
            var column = card.Version == 1 ? 2 : 3;
            Assert.Equal(card.Primary!.Value.Estimate.ToString("R", CultureInfo.InvariantCulture),
                await page.GetAttributeAsync($"#comparison tr[data-metric='{card.PrimaryMetric}'] td:nth-child({column}) .estimate", "data-value"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task No_page_shows_a_group_under_k_or_a_raw_id()
    {
        var (page, _) = await SignedIn(world.Reader.Secret);
        foreach (var path in new[] { "/", "/models", "/privacy" }.Concat(BusinessModelCatalog.Default.All.Select(m => "/models/" + m.Name)))
        {
            await page.GotoAsync(world.BaseUrl + path);
            var html = await page.ContentAsync();
            Assert.DoesNotContain(world.RawUserIds, id => Regex.IsMatch(html, $@"\b{id}\b"));
            // Every people (or customers) column of a model's own sections: <k or at least k.
            foreach (var table in await page.Locator("section.insight table").AllAsync())
            {
                var header = (await table.Locator("tr").First.InnerTextAsync()).Split('\t').Select(h => h.Trim()).ToList();
                var people = header.IndexOf("people");
                if (people < 0)
                {
                    continue;
                }

                foreach (var row in (await table.Locator("tr").AllInnerTextsAsync()).Skip(1))
                {
                    var cell = row.Split('\t')[people].Trim();
                    Assert.True(cell == "<" + world.MinGroupSize.ToString(CultureInfo.InvariantCulture) || long.Parse(cell, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= world.MinGroupSize,
                        $"{path}: a group of {cell} people is shown with k = {world.MinGroupSize}");
                }
            }
        }
    }

    [Fact]
    public async Task A_reader_cannot_promote_and_a_form_without_its_anti_forgery_token_is_refused()
    {
        var (reader, _) = await SignedIn(world.Reader.Secret);
        var asReader = await reader.Context.APIRequest.PostAsync(world.BaseUrl + "/admin/promote",
            new() { Form = FormOf(reader, "purchase-intent-cart", 1), MaxRedirects = 0 });
        Assert.Equal(302, asReader.Status);
        Assert.Contains("/forbidden", asReader.Headers["location"], StringComparison.Ordinal);

        // An admin sees no button on a champion, and a post without the page's anti-forgery token changes nothing.
        var (admin, _) = await SignedIn(world.Admin.Secret);
        await admin.GotoAsync(world.BaseUrl + "/versions/purchase-intent-cart/1");
        Assert.Equal("admin", await admin.InnerTextAsync("#role"));
        var forged = await admin.Context.APIRequest.PostAsync(world.BaseUrl + "/admin/promote", new() { Form = FormOf(admin, "purchase-intent-cart", 1), MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_strict_and_a_revoked_key_goes_back_to_sign_in()
    {
        var key = world.Keys.Create("reader", "to be revoked");
        var (page, _) = await SignedIn(key.Secret);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "eamazing-session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(key.Secret, cookie.Value, StringComparison.Ordinal);

        var missing = await page.GotoAsync(world.BaseUrl + "/models/no-such-model");
        Assert.Equal(404, missing!.Status);
        Assert.Equal(404, (await page.GotoAsync(world.BaseUrl + "/versions/purchase-intent-cart/99"))!.Status);

        world.Keys.Revoke(key.Record.Id);
        await Task.Delay(300); // the key file is looked at every quarter second
        await page.GotoAsync(world.BaseUrl + "/models");
        Assert.EndsWith("/signin?ReturnUrl=%2Fmodels", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#key", key.Secret);
        await page.ClickAsync("#signin");
        Assert.Equal("Unknown or revoked API key.", await page.InnerTextAsync("#problem"));
    }

    private static IFormData FormOf(IPage page, string name, int version)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("name", name);
        form.Set("version", version.ToString(CultureInfo.InvariantCulture));
        return form;
    }

    /// <summary>A fresh browser context signed in with <paramref name="key"/>, collecting console errors and failed requests.</summary>
    private async Task<(IPage Page, List<string> Problems)> SignedIn(string key)
    {
        var context = await world.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        // A first visit after a lake change recomputes its figures; on 2 cores shared with test classes that train models
        // in parallel that took over Playwright's 30 s default once in CI. A page's speed is measured by `bench dashboard`, not here.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
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
        await page.GotoAsync(world.BaseUrl + "/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(world.BaseUrl + "/");
        return (page, problems);
    }

    /// <summary>Opens a page, waits until each chart is drawn as SVG, and keeps a screenshot of it.</summary>
    private async Task Visit(IPage page, string path, string name)
    {
        var response = await page.GotoAsync(world.BaseUrl + path);
        Assert.Equal(200, response!.Status);
        var charts = page.Locator(".chart");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            Assert.Equal("true", await charts.Nth(i).GetAttributeAsync("data-rendered"));
            Assert.True(await charts.Nth(i).Locator("svg").CountAsync() > 0, $"{path}: chart {i} has no SVG");
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardWorld.Screenshots, name + ".png"), FullPage = true });
    }
}
