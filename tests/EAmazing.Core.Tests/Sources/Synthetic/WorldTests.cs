using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Synthetic.World;
using FsCheck;
using FsCheck.Fluent;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class WorldTests
{
    private static readonly SyntheticWorld Full = SyntheticWorld.Create(GenerationScale.Tiny, 46, Window("2019-10..2020-04"));

    [Fact]
    public void A_Small_World_Is_Built_In_Memory_Without_Touching_Disk()
    {
        var world = SyntheticWorld.Create(GenerationScale.Tiny, 1);
        Assert.InRange(world.Catalog.ProductCount, 1_500, 3_000);
        Assert.True(world.ExpectedSessionsOn(0) > 0);
    }

    [Fact]
    public void User_Ids_And_Ranks_Are_A_Bijection() =>
        Prop.ForAll(Gen.Choose(0, Full.Users.Count - 1).ToArbitrary(), rank =>
        {
            var id = Full.Users.UserId(rank);
            return Full.Users.TryGetRank(id, out var back) && back == rank && id >= UserPopulation.FirstUserId;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Category_Ids_Are_Unique_19_Digit_Numbers_And_A_Third_Of_Categories_Have_No_Code()
    {
        var ids = Full.Catalog.Categories.Select(c => c.CategoryId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(19, id.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        var uncoded = Full.Catalog.Categories.Where(c => c.Code.Length == 0).Sum(c => c.BasePopularity) / Full.Catalog.Categories.Sum(c => c.BasePopularity);
        Assert.InRange(uncoded, 0.30, 0.36);
    }

    [Fact]
    public void Product_Ids_Are_Unique()
    {
        Assert.Equal(Full.Catalog.ProductCount, Full.Catalog.ProductIds.Distinct().Count());
    }

    [Fact]
    public void The_Sale_Days_Carry_More_Than_Twice_The_Usual_Traffic()
    {
        var nov = Enumerable.Range(0, Full.Calendar.DayCount).Where(d => Full.Calendar.DateOf(d).Month == 11).ToList();
        var usual = nov.Where(d => !WorldCalendar.IsSaleDay(Full.Calendar.DateOf(d))).Average(Full.Calendar.ExpectedEvents);
        var sale = nov.Where(d => WorldCalendar.IsSaleDay(Full.Calendar.DateOf(d))).Select(Full.Calendar.ExpectedEvents).ToList();
        Assert.Equal(2, sale.Count);
        Assert.All(sale, s => Assert.True(s > 2 * usual));
    }

    [Fact]
    public void Behaviour_Shifts_In_March_April_2020()
    {
        var before = Full.MixtureOn(Day(new DateOnly(2020, 2, 15)));
        var after = Full.MixtureOn(Day(new DateOnly(2020, 4, 15)));
        double Share(CategoryMixture m, string top) =>
            Full.Catalog.Categories.Where(c => Full.Catalog.TopLevels[c.TopLevel] == top).Sum(c => m.ExpectedShare[c.Index]);

        Assert.True(Share(after, "computers") > 1.1 * Share(before, "computers"));
        Assert.True(Share(after, "apparel") < 0.9 * Share(before, "apparel"));
        Assert.True(Full.Behaviour.DayBoost(new DateOnly(2020, 4, 15)) > Full.Behaviour.DayBoost(new DateOnly(2020, 2, 15)));
    }

    [Fact]
    public void Emerging_Categories_Grow_After_Their_Onset_Declining_Ones_Shrink_And_New_Lines_Launch_From_Nothing()
    {
        foreach (var e in Full.Emergences)
        {
            var before = Full.MixtureOn(Math.Max(0, e.OnsetDay - 2)).DayShare[e.CategoryIndex];
            var after = Full.MixtureOn(e.OnsetDay + 45).DayShare[e.CategoryIndex];
            switch (e.Kind)
            {
                case EmergenceKind.Emerging:
                    Assert.True(after > 1.5 * before, $"{e}: {before} -> {after}");
                    break;
                case EmergenceKind.Declining:
                    Assert.True(after < 0.8 * before, $"{e}: {before} -> {after}");
                    break;
                default:
                    Assert.Equal(0, Full.MixtureOn(e.OnsetDay - 1).ExpectedShare[e.CategoryIndex]);
                    Assert.True(after > 0);
                    Assert.All(Full.Catalog.ProductsOf(e.CategoryIndex), p => Assert.True(Full.Catalog.ProductIds[p] >= 100_000_000));
                    break;
            }
        }

        // Stable categories keep their base popularity (only the 2020 shift moves whole top levels).
        var planted = Full.Emergences.Select(e => e.CategoryIndex).ToHashSet();
        Assert.All(Full.Catalog.Categories.Where(c => !planted.Contains(c.Index)), c => Assert.Equal(1, c.TrendMultiplier(150)));
    }

    [Fact]
    public void The_Seed_Chooses_The_Emergences_The_Same_Seed_Always_The_Same_Ones()
    {
        var window = Window("2019-10..2019-11");
        static string Plan(SyntheticWorld w) => string.Join("; ", w.Emergences.Select(e => $"{e.Kind} {e.CategoryId} {e.Code} {e.OnsetDay} {e.MonthlyGrowth:0.####}"));
        var plans = Enumerable.Range(1, 8).Select(s => Plan(SyntheticWorld.Create(GenerationScale.Tiny, (ulong)s, window))).ToList();

        Assert.Equal(plans[2], Plan(SyntheticWorld.Create(GenerationScale.Tiny, 3, window)));
        Assert.Equal(plans.Count, plans.Distinct().Count());
        foreach (var seed in Enumerable.Range(1, 8))
        {
            var w = SyntheticWorld.Create(GenerationScale.Tiny, (ulong)seed, window);
            Assert.InRange(w.Emergences.Count(e => e.Kind == EmergenceKind.Emerging), 2, 4);
            Assert.InRange(w.Emergences.Count(e => e.Kind == EmergenceKind.Declining), 1, 3);
            Assert.InRange(w.Emergences.Count(e => e.Kind == EmergenceKind.Launch), 1, 2);
            Assert.All(w.Emergences, e => Assert.InRange(e.OnsetDay, 1, w.Window.DayCount - 8));
            Assert.Equal(w.Emergences.Count, w.Emergences.Select(e => e.CategoryIndex).Distinct().Count());
        }

        // Different seeds pick different categories, onsets and launches, not one fixed set.
        Assert.True(plans.SelectMany(p => p.Split("; ")).Select(e => e.Split(' ')[1]).Distinct().Count() > 10);
    }

    [Fact]
    public void Expected_Category_Shares_Sum_To_One_Every_Day()
    {
        foreach (var d in new[] { 0, 45, 100, 200 })
        {
            Assert.Equal(1.0, Full.MixtureOn(d).ExpectedShare.Sum(), 9);
        }
    }

    private static int Day(DateOnly date) => date.DayNumber - Full.Window.Start.DayNumber;

    private static MonthWindow Window(string text) => MonthWindow.TryParse(text, out var w, out var e) ? w! : throw new ArgumentException(e);
}
