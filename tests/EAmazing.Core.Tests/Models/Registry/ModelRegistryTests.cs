using EAmazing.Models.Families;
using EAmazing.Models.Lab;
using EAmazing.Models.Registry;
using EAmazing.Core.Tests.Models.Lab;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Models.Registry;

public sealed class ModelRegistryTests
{
    private static readonly LeakageAuditSummary Clean = new(true, "future-invariance and single-feature scan passed");

    [Fact]
    public void A_Recorded_Run_Holds_Model_Card_And_Report_And_Every_Family_Reloads_To_The_Same_Scores()
    {
        using var dir = new TempFolder();
        var registry = new ModelRegistry(dir.Path);
        var request = new LabRequest { Task = "test", Data = SyntheticTabular.Create(), TrialsPerFamily = 1, BootstrapResamples = 30 };
        var result = ModelLab.Run(request);

        foreach (var family in result.Families)
        {
            // Record each family as its own model name to check every loader.
            var single = result with { Families = [family] };
            var card = LabRecorder.Record(registry, $"m-{family.Family}", request, single, Clean, ["test_table"], ["abc"], TimeSpan.FromSeconds(1));
            var folder = registry.VersionFolder(card.Name, card.Version);

            Assert.True(File.Exists(Path.Combine(folder, card.ModelFile)), card.ModelFile);
            Assert.Contains("data:image/png;base64,", File.ReadAllText(Path.Combine(folder, "report", "index.html")));
            var reloaded = TrainedModelStore.Load(folder, registry.Get(card.Name, card.Version));
            var rows = request.Data.Features.Take(50).ToArray();
            Assert.Equal(family.Model.PredictProbabilities(rows), reloaded.PredictProbabilities(rows));
        }

        Assert.Empty(Directory.GetDirectories(dir.Path, ".tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Promotion_Passes_The_Gates_And_Archives_The_Previous_Champion()
    {
        using var dir = new TempFolder();
        var registry = new ModelRegistry(dir.Path);
        var request = new LabRequest { Task = "test", Data = SyntheticTabular.Create(), Families = [ModelFamilyCatalog.Find("prior"), ModelFamilyCatalog.Find("fasttree")], TrialsPerFamily = 1, BootstrapResamples = 30 };
        var first = LabRecorder.Record(registry, "intent", request, ModelLab.Run(request), Clean, ["test_table"], [], TimeSpan.Zero);

        var decision = registry.Promote("intent", first.Version);
        Assert.True(decision.Allowed, string.Join("; ", decision.Reasons));

        // A second version is gated against the champion re-scored on its own test window.
        var second = LabRecorder.Record(registry, "intent", request, ModelLab.Run(request), Clean, ["test_table"], [], TimeSpan.Zero);
        Assert.NotNull(second.ChampionOnThisWindow);
        Assert.True(registry.Promote("intent", second.Version).Allowed);
        Assert.Equal(ModelStatus.Archived, registry.Get("intent", first.Version).Status);
        Assert.Equal(second.Version, registry.Champion("intent")!.Version);
    }

    [Fact]
    public void A_Model_With_A_Failed_Audit_Or_An_Alarm_Cannot_Be_Promoted()
    {
        using var dir = new TempFolder();
        var registry = new ModelRegistry(dir.Path);
        var leaky = new LabRequest { Task = "test", Data = SyntheticTabular.Create(leaky: true), Families = [ModelFamilyCatalog.Find("prior"), ModelFamilyCatalog.Find("fasttree")], TrialsPerFamily = 1, BootstrapResamples = 30 };
        var card = LabRecorder.Record(registry, "intent", leaky, ModelLab.Run(leaky), new LeakageAuditSummary(false, "label_copy: single-feature AUC 1.000"), ["test_table"], [], TimeSpan.Zero);

        var decision = registry.Promote("intent", card.Version);

        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.Contains("leakage audit failed", StringComparison.Ordinal));
        Assert.Contains(decision.Reasons, r => r.Contains("alarms", StringComparison.Ordinal));
        Assert.Null(registry.Champion("intent"));
    }
}
