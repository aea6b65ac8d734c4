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
        // A strong interaction: the trees clearly beat the one-rule baseline, so the gates can pass.
        var data = SyntheticTabular.Create(rows: 8_000, interaction: 4);
        var older = Request(data.Where(i => data.AsOf[i] < data.AsOf.Max().Date.AddDays(-7)));
        var first = LabRecorder.Record(registry, "intent", older, ModelLab.Run(older), Clean, ["test_table"], [], TimeSpan.Zero);

        var decision = registry.Promote("intent", first.Version);
        Assert.True(decision.Allowed, string.Join("; ", decision.Reasons));

        // A second version, a week later, is gated against the champion re-scored on its own (newer) test window.
        var newer = Request(data);
        var second = LabRecorder.Record(registry, "intent", newer, ModelLab.Run(newer), Clean, ["test_table"], [], TimeSpan.Zero);
        Assert.NotNull(second.ChampionOnThisWindow);
        Assert.NotNull(second.ChampionEstimates);
        var promoted = registry.Promote("intent", second.Version);
        Assert.True(promoted.Allowed, string.Join("; ", promoted.Reasons));
        Assert.Equal(ModelStatus.Archived, registry.Get("intent", first.Version).Status);
        Assert.Equal(second.Version, registry.Champion("intent")!.Version);
    }

    [Fact]
    public void A_Test_Window_That_Already_Decided_A_Promotion_Cannot_Decide_Another_And_A_Forced_One_Is_Flagged()
    {
        using var dir = new TempFolder();
        var registry = new ModelRegistry(dir.Path);
        var request = Request(SyntheticTabular.Create(rows: 8_000, interaction: 4));
        var first = LabRecorder.Record(registry, "intent", request, ModelLab.Run(request), Clean, ["test_table"], [], TimeSpan.Zero);
        var promoted = registry.Promote("intent", first.Version);
        Assert.True(promoted.Allowed, string.Join("; ", promoted.Reasons));

        // Re-running on the same data and promoting the best re-run would be model selection on the test window.
        var rerun = LabRecorder.Record(registry, "intent", request with { Seed = 7 }, ModelLab.Run(request with { Seed = 7 }), Clean, ["test_table"], [], TimeSpan.Zero);
        var refused = registry.Promote("intent", rerun.Version);
        var forced = registry.Promote("intent", rerun.Version, force: true);

        Assert.False(refused.Allowed);
        Assert.Contains(refused.Reasons, r => r.Contains("already decided a promotion (v1", StringComparison.Ordinal));
        Assert.True(forced.Allowed);
        var uses = registry.WindowUses("intent");
        Assert.Equal([(1, true, false), (2, false, false), (2, false, true)], uses.Select(u => (u.Version, u.Allowed, u.Forced)));
        Assert.All(uses, u => Assert.Equal(first.Data.TestFrom, u.TestFrom));
    }

    [Fact]
    public void A_Card_Records_Preparation_Calibration_And_Whether_A_Wall_Clock_Budget_Made_The_Run_Unrepeatable()
    {
        using var dir = new TempFolder();
        var registry = new ModelRegistry(dir.Path);
        var plain = Request(SyntheticTabular.Create()) with { Families = [ModelFamilyCatalog.Find("logistic")] };
        var capped = plain with { WallClockBudget = TimeSpan.FromHours(1) };

        var reproducible = LabRecorder.Record(registry, "intent", plain, ModelLab.Run(plain), Clean, ["test_table"], [], TimeSpan.Zero);
        var unrepeatable = LabRecorder.Record(registry, "intent", capped, ModelLab.Run(capped), Clean, ["test_table"], [], TimeSpan.Zero);

        Assert.Null(reproducible.NotReproducible);
        Assert.Contains("not reproducible", registry.Get("intent", unrepeatable.Version).NotReproducible, StringComparison.Ordinal);
        Assert.Contains("standardised on the training window", reproducible.Preparation[0], StringComparison.Ordinal);
        Assert.Contains(reproducible.Calibration, new[] { "none", "platt", "isotonic" });
        Assert.Equal(["prior", "onerule", "logistic"], reproducible.Comparison.Select(c => c.Family));
        var report = File.ReadAllText(Path.Combine(registry.VersionFolder("intent", reproducible.Version), "report", "index.html"));
        Assert.Contains("intent version 1", report, StringComparison.Ordinal);
        Assert.Contains("seed / code version</th><td>46 /", report, StringComparison.Ordinal);
        Assert.Contains("calibration before", report, StringComparison.Ordinal);
    }

    private static LabRequest Request(EAmazing.Models.Data.TabularDataset data) =>
        new() { Task = "test", Data = data, Families = [ModelFamilyCatalog.Find("prior"), ModelFamilyCatalog.Find("fasttree")], TrialsPerFamily = 1, BootstrapResamples = 30 };

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
