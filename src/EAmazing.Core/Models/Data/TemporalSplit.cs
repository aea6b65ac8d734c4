namespace EAmazing.Models.Data;

/// <summary>
/// Train on the earliest days, validate on the following week, test on the last week(s): never a
/// random split over time. Boundaries are whole UTC days counted back from the last as-of date.
/// </summary>
public sealed record TemporalSplit(DateTime TrainFrom, DateTime ValidFrom, DateTime TestFrom, DateTime TestTo)
{
    public static TemporalSplit Plan(TabularDataset data, int validDays = 7, int testDays = 7)
    {
        if (data.Count == 0)
        {
            throw new InvalidOperationException("No rows to split.");
        }

        var first = data.AsOf.Min().Date;
        var lastDay = data.AsOf.Max().Date.AddDays(1);
        var span = (lastDay - first).TotalDays;
        if (span < validDays + testDays + 3)
        {
            // Short windows (e.g. the tiny scale) keep the same order with proportional parts.
            validDays = Math.Max(1, (int)(span * 0.2));
            testDays = Math.Max(1, (int)(span * 0.2));
        }

        var testFrom = lastDay.AddDays(-testDays);
        return new TemporalSplit(first, testFrom.AddDays(-validDays), testFrom, lastDay);
    }

    public (TabularDataset Train, TabularDataset Valid, TabularDataset Test) Apply(TabularDataset data) =>
    (
        data.Where(i => data.AsOf[i] < ValidFrom),
        data.Where(i => data.AsOf[i] >= ValidFrom && data.AsOf[i] < TestFrom),
        data.Where(i => data.AsOf[i] >= TestFrom && data.AsOf[i] < TestTo)
    );

    public override string ToString() =>
        $"train {TrainFrom:yyyy-MM-dd}..{ValidFrom.AddDays(-1):yyyy-MM-dd}, valid {ValidFrom:yyyy-MM-dd}..{TestFrom.AddDays(-1):yyyy-MM-dd}, test {TestFrom:yyyy-MM-dd}..{TestTo.AddDays(-1):yyyy-MM-dd}";
}
