using EAmazing.Sources.Synthetic;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// A complete synthetic REES46 world: catalog, users, calendar and behaviour. Built deterministically
/// from a <see cref="WorldSpec"/>; a small one takes milliseconds, so tests build worlds in memory.
/// </summary>
public sealed class SyntheticWorld
{
    private readonly Lazy<CategoryMixture>[] _mixtures;

    private SyntheticWorld(WorldSpec spec)
    {
        Spec = spec;
        Window = spec.Window;
        Calendar = new WorldCalendar(Window, spec.EventsPerMonth);
        Catalog = CatalogBuilder.Build(spec.Seed, spec.ProductCount, Window.DayCount);
        var topLevelWeights = Catalog.TopLevels.Select((_, t) => Catalog.Categories.Where(c => c.TopLevel == t && c.LaunchDay == 0).Sum(c => c.BasePopularity)).ToArray();
        Users = new UserPopulation(spec.Seed, spec.UserCount, Window.DayCount, topLevelWeights);
        Behaviour = new BehaviourModel(spec.Behaviour);
        _mixtures = Enumerable.Range(0, Window.DayCount)
            .Select(d => new Lazy<CategoryMixture>(() => new CategoryMixture(Catalog, Users.TopLevelProbabilities, d, Calendar.DateOf(d), spec.Behaviour)))
            .ToArray();
    }

    public WorldSpec Spec { get; }

    public MonthWindow Window { get; }

    public WorldCalendar Calendar { get; }

    public Catalog Catalog { get; }

    public UserPopulation Users { get; }

    public BehaviourModel Behaviour { get; }

    /// <summary>The categories the seed made grow, shrink or launch (written to <c>truth/emergences.json</c>).</summary>
    public IReadOnlyList<Emergence> Emergences => Catalog.Emergences;

    public static SyntheticWorld Create(WorldSpec spec) => new(spec);

    public static SyntheticWorld Create(GenerationScale scale, ulong seed, MonthWindow? window = null) =>
        new(WorldSpec.For(scale, window ?? ScaleProfile.DefaultWindow(scale), seed));

    public CategoryMixture MixtureOn(int day) => _mixtures[day].Value;

    /// <summary>Expected number of view steps per session, from the session-length law.</summary>
    public double ExpectedViewsPerSession
    {
        get
        {
            var b = Spec.Behaviour;
            var regular = b.SingleViewShare + ((1 - b.SingleViewShare) * (2 + ((1 - b.LengthTailP) / b.LengthTailP)));
            return ((1 - b.LongSessionShare) * regular) + (b.LongSessionShare * SessionLengths.LongSessionMean);
        }
    }

    /// <summary>Expected sessions starting on a day: the day's expected events over the expected session size.</summary>
    public double ExpectedSessionsOn(int day) =>
        Calendar.ExpectedEvents(day) / (ExpectedViewsPerSession * SessionLengths.EventsPerView);

    /// <summary>Expected sessions starting in an hour of the window (hour 0 = the window's first hour).</summary>
    public double ExpectedSessionsInHour(int hour) => ExpectedSessionsOn(hour / 24) * Calendar.HourShare(hour % 24);
}
