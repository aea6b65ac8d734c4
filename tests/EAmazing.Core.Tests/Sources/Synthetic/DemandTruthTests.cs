using System.Globalization;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Rees46;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class DemandTruthTests(DemoOctoberDataset october) : IClassFixture<DemoOctoberDataset>
{
    [Fact]
    public void Expected_Views_And_Purchases_Add_Up_To_What_Was_Generated()
    {
        var demand = TruthReader.Rows(october.TruthDirectory, TruthFiles.DemandDaily).ToList();
        var expectedViews = demand.Sum(r => double.Parse(r[4], CultureInfo.InvariantCulture));
        var expectedPurchases = demand.Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture));

        // Duplicated rows (a real quirk) are extra events, so allow a little slack on views.
        Assert.InRange(october.Summary.Views / expectedViews, 0.97, 1.03);
        Assert.InRange(october.Summary.Purchases / expectedPurchases, 0.95, 1.05);
    }

    [Fact]
    public void Expected_Views_Per_Category_Track_Observed_Views()
    {
        var expected = TruthReader.Rows(october.TruthDirectory, TruthFiles.DemandDaily)
            .GroupBy(r => r[1])
            .ToDictionary(g => long.Parse(g.Key, CultureInfo.InvariantCulture), g => g.Sum(r => double.Parse(r[4], CultureInfo.InvariantCulture)));
        var observed = Rees46FileReader.ReadEvents(Path.Combine(october.Directory, "2019-Oct.csv.gz"))
            .Where(e => e.EventType == EventType.View)
            .GroupBy(e => e.CategoryId)
            .ToDictionary(g => g.Key, g => (double)g.Count());

        // Every category with substantial expected demand is within 15% of it.
        foreach (var (category, views) in expected.Where(kv => kv.Value > 5_000))
        {
            Assert.InRange(observed.GetValueOrDefault(category) / views, 0.85, 1.15);
        }
    }
}

public sealed class EmergenceTruthTests(DemoOctoberDataset october) : IClassFixture<DemoOctoberDataset>
{
    [Fact]
    public void The_Generator_Records_Every_Planted_Emergence_And_Launch_In_The_Truth()
    {
        var truth = EmergenceTruth.Read(october.TruthDirectory);
        var spec = TruthWriter.ReadSpec(october.TruthDirectory);
        var world = EAmazing.Sources.Synthetic.World.SyntheticWorld.Create(spec);

        Assert.Equal(EmergenceTruth.Of(world).Planted, truth.Planted);
        Assert.Equal(world.Emergences.Select(e => e.CategoryId), truth.Planted.Select(p => p.CategoryId));
        Assert.Equal(world.Catalog.Categories.Count, truth.CategoryCount);
        Assert.Contains(truth.Planted, p => p.Kind == EAmazing.Sources.Synthetic.World.EmergenceKind.Launch && p.RampDays > 0);
    }

    [Fact]
    public void Emergence_Truth_Round_Trips_Through_Its_File()
    {
        var world = EAmazing.Sources.Synthetic.World.SyntheticWorld.Create(EAmazing.Sources.Synthetic.GenerationScale.Tiny, 7);
        var truth = EmergenceTruth.Of(world);
        var folder = Path.Combine(Path.GetTempPath(), "eamazing-emergence-truth-" + Guid.NewGuid().ToString("N"));
        try
        {
            truth.Write(folder);
            var back = EmergenceTruth.Read(folder);
            Assert.Equal(truth.Planted, back.Planted);
            Assert.Equal((truth.WindowStart, truth.WindowEnd, truth.CategoryCount), (back.WindowStart, back.WindowEnd, back.CategoryCount));
            Assert.Contains("\"Kind\": \"launch\"", File.ReadAllText(Path.Combine(folder, TruthFiles.Emergences)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
