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
    public void Emerging_Categories_Grow_Every_Month_And_The_New_Line_Launches_Mid_Window()
    {
        var emerging = Full.Catalog.Categories.First(c => c.MonthlyGrowth > 1);
        var launched = Full.Catalog.Categories.Single(c => c.LaunchDay > 0);
        var monthStarts = Enumerable.Range(0, 7).Select(m => Day(new DateOnly(2019, 10, 15).AddMonths(m))).ToList();
        var shares = monthStarts.Select(d => Full.MixtureOn(d).ExpectedShare[emerging.Index]).ToList();

        Assert.True(shares.Zip(shares.Skip(1)).All(p => p.Second > p.First), string.Join(", ", shares));
        Assert.Equal(0, Full.MixtureOn(launched.LaunchDay - 1).ExpectedShare[launched.Index]);
        Assert.True(Full.MixtureOn(launched.LaunchDay + 30).ExpectedShare[launched.Index] > 0);
        Assert.All(Full.Catalog.ProductsOf(launched.Index), p => Assert.True(Full.Catalog.ProductIds[p] >= 100_000_000));
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
