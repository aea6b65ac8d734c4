using System.Net.Http.Json;
using EAmazing.Api.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Models.Registry;
using EAmazing.Monitoring.Drift;

namespace EAmazing.Api.Tests.Monitoring;

/// <summary>Drift of the champion (trained from 1 Oct, validated from mid-November) on generated data.</summary>
[Collection(ServingCollection.Name)]
public sealed class DriftTests(ServingWorld world)
{
    private static readonly DateTime Utc = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_Ordinary_Week_Raises_No_Alert_And_Only_The_Category_Mix_May_Warn()
    {
        var report = new DriftMonitor(world.Lake, world.Registry, new DuckDbEngine()).Run(ServingWorld.ModelName, Day(2019, 10, 21), Day(2019, 10, 28));

        // The world's emerging and declining categories (chosen from its seed) move the mix of category prices week by
        // week: a warning there is the monitor seeing real change. Sessions, history, calendar and scores stay like training.
        string[] categoryMix = ["category_mean_price_trailing", "cart_price_vs_category"];
        Assert.NotEqual(DriftLevel.Alert, report.Level);
        Assert.All(report.Columns.Where(c => !categoryMix.Contains(c.Name)), c => Assert.Equal(DriftLevel.Ok, c.Level));
        Assert.True(report.Columns.Single(c => c.Name == "score").CurrentCount > 1000);
    }

    [Fact]
    public void The_Sale_Days_Raise_A_Warning_Or_An_Alert()
    {
        var report = new DriftMonitor(world.Lake, world.Registry, new DuckDbEngine()).Run(ServingWorld.ModelName, Day(2019, 11, 16), Day(2019, 11, 18));

        Assert.NotEqual(DriftLevel.Ok, report.Level);
        Assert.Contains(report.Columns, c => c.Name == "cart_price_vs_category" && c.Level != DriftLevel.Ok);
    }

    [Fact]
    public void An_Alert_Marks_The_Champion_Retrain_Due_Once_And_Writes_A_Table_And_A_Page()
    {
        var models = Path.Combine(world.Root, "drift-registry-" + Guid.NewGuid().ToString("N"));
        CopyFolder(world.Models, models);
        var registry = new ModelRegistry(models);
        var lake = Path.Combine(world.Root, "drift-lake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(lake);
        CopyFolder(Path.Combine(world.Lake, "gold"), Path.Combine(lake, "gold"));
        var monitor = new DriftMonitor(lake, registry, new DuckDbEngine());

        // The week after the sale: item and category history still carry the sale's traffic and prices.
        var report = monitor.Run(ServingWorld.ModelName, Day(2019, 11, 24), Day(2019, 12, 1));
        var page = DriftReportWriter.Write(lake, report);

        Assert.Equal(DriftLevel.Alert, report.Level);
        Assert.True(monitor.MarkRetrainDue(report));
        Assert.False(monitor.MarkRetrainDue(report));
        Assert.Single(registry.Champion(ServingWorld.ModelName)!.RetrainReasons);
        Assert.True(File.Exists(page));
        Assert.True(File.Exists(Path.ChangeExtension(page, ".csv")));
        Assert.Equal(DriftLevel.Alert, DriftReportWriter.ReadLatest(lake, ServingWorld.ModelName)!.Level);
    }

    [Fact]
    public async Task Served_Scores_Of_The_Window_Are_Compared_With_The_Training_Scores()
    {
        using (var factory = new ServingFactory(world))
        {
            var client = factory.Reader();
            for (var i = 0; i < 60; i++)
            {
                await client.PostAsJsonAsync("/v1/purchase-intent", Requests.Cart(1000 + i));
            }

            await Task.Delay(500);
        }

        var today = DateTime.UtcNow.Date;
        var report = new DriftMonitor(world.Lake, world.Registry, new DuckDbEngine()).Run(ServingWorld.ModelName, today, today.AddDays(1));

        var served = Assert.Single(report.Columns, c => c.Name == "served_score");
        Assert.True(served.CurrentCount >= 60, $"{served.CurrentCount} served scores");
        Assert.False(double.IsNaN(served.Psi));
    }

    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, Utc.Kind);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
