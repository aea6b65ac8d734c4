using EAmazing.Models.Data;

namespace EAmazing.Core.Tests.Models.Lab;

public sealed class TemporalSplitTests
{
    [Fact]
    public void Train_Validation_And_Test_Are_Consecutive_Day_Windows_With_No_Shared_Day()
    {
        var data = SyntheticTabular.Create(rows: 5_000);

        var split = TemporalSplit.Plan(data, validDays: 7, testDays: 7);
        var (train, valid, test) = split.Apply(data);

        var trainDays = train.AsOf.Select(t => t.Date).ToHashSet();
        var validDays = valid.AsOf.Select(t => t.Date).ToHashSet();
        var testDays = test.AsOf.Select(t => t.Date).ToHashSet();
        Assert.Empty(trainDays.Intersect(testDays));
        Assert.Empty(trainDays.Intersect(validDays));
        Assert.Empty(validDays.Intersect(testDays));
        Assert.True(train.AsOf.Max() < valid.AsOf.Min() && valid.AsOf.Max() < test.AsOf.Min());
        Assert.Equal(7, testDays.Count);
        Assert.Equal(data.Count, train.Count + valid.Count + test.Count);
    }

    [Fact]
    public void A_Window_Of_A_Few_Hours_Leaves_No_Training_Days()
    {
        // The real head file covers three hours of one day: no temporal split exists.
        var start = new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var data = new TabularDataset(["x"], Enumerable.Range(0, 100).Select(i => new[] { (float)i }).ToArray(),
            Enumerable.Range(0, 100).Select(i => i % 3 == 0).ToArray(), Enumerable.Range(0, 100).Select(i => start.AddMinutes(i)).ToArray());

        var (train, _, _) = TemporalSplit.Plan(data).Apply(data);

        Assert.Equal(0, train.Count);
    }
}
