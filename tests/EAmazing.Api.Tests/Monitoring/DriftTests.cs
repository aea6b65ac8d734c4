using EAmazing.Api.Tests.Support;
using EAmazing.Models.Registry;
using EAmazing.Monitoring.Drift;

namespace EAmazing.Api.Tests.Monitoring;

/// <summary>Drift of the champion (trained from 1 Oct, validated from mid-November) on generated data.</summary>
[Collection(ServingCollection.Name)]
public sealed class DriftTests(ServingWorld world)
{
    private static readonly DateTime Utc = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_Week_Like_The_Training_Data_Stays_Ok()
    {
        var report = new DriftMonitor(world.Lake, world.Registry).Run(ServingWorld.ModelName, Day(2019, 10, 21), Day(2019, 10, 28));

        Assert.Equal(DriftLevel.Ok, report.Level);
        Assert.True(report.Columns.Single(c => c.Name == "score").CurrentCount > 1000);
    }

    [Fact]
    public void The_Sale_Days_Raise_A_Warning_Or_An_Alert()
    {
        var report = new DriftMonitor(world.Lake, world.Registry).Run(ServingWorld.ModelName, Day(2019, 11, 16), Day(2019, 11, 18));

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
        var monitor = new DriftMonitor(lake, registry);

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
    public void The_Same_Distribution_Has_A_Psi_Near_Zero_And_A_Shifted_One_Alerts()
    {
        var random = new Random(1);
        var reference = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var same = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var shifted = same.Select(v => v + 0.5).ToArray();
        var missing = same.Select((v, i) => i % 2 == 0 ? double.NaN : v).ToArray();

        Assert.Equal(DriftLevel.Ok, DriftLevels.Of(PopulationStability.Index(reference, same)));
        Assert.Equal(DriftLevel.Alert, DriftLevels.Of(PopulationStability.Index(reference, shifted)));
        Assert.Equal(DriftLevel.Alert, DriftLevels.Of(PopulationStability.Index(reference, missing)));
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
