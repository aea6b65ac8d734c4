using EAmazing.BusinessModels.EmergingCategories;
using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Core.Tests.BusinessModels.EmergingCategories;

/// <summary>
/// The targets on three seeded demo-scale worlds (the bench <c>emerging</c> measures ten): every planted emergence
/// and launch found, precision at least 0.8, launches flagged within 7 days, declining categories never flagged.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SeededWorldEmergenceTests
{
    [Fact]
    public void Planted_Emergences_And_Launches_Are_Found_With_Few_False_Alarms()
    {
        var window = MonthWindow.TryParse("2019-10..2019-11", out var w, out var error) ? w! : throw new ArgumentException(error);
        var detector = new EmergenceDetector(new DetectorSettings());
        var results = new[] { 21UL, 22UL, 23UL }.Select(seed => WorldEmergenceCheck.Run(SyntheticWorld.Create(WorldSpec.For(GenerationScale.Demo, window, seed)), detector)).ToList();
        var evaluation = new EmergenceEvaluation(results);

        Assert.Equal(1.0, evaluation.Recall);
        Assert.True(evaluation.Precision >= 0.8, $"precision {evaluation.Precision}");
        Assert.All(evaluation.Outcomes(EmergenceKind.Launch), o => Assert.InRange(o.DelayDays!.Value, 0, 7));
        Assert.All(evaluation.Outcomes(EmergenceKind.Declining), o => Assert.Null(o.FirstFlag));
        Assert.True(evaluation.FalseAlarmRate < 0.01, $"false-alarm rate {evaluation.FalseAlarmRate}");
        Assert.All(evaluation.Outcomes(EmergenceKind.Emerging), o => Assert.InRange(o.OnsetErrorDays!.Value, -10, 20));
    }
}
