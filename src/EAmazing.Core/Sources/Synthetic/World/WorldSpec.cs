using EAmazing.Sources.Synthetic;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>Everything needed to rebuild a world exactly; written to <c>truth/world.json</c>.</summary>
public sealed record WorldSpec(
    ulong Seed,
    GenerationScale Scale,
    string Months,
    IReadOnlyList<long> EventsPerMonth,
    int ProductCount,
    int UserCount,
    BehaviourCoefficients Behaviour)
{
    public const int FormatVersion = 1;

    public int Version { get; init; } = FormatVersion;

    public static WorldSpec For(GenerationScale scale, MonthWindow window, ulong seed)
    {
        var profile = ScaleProfile.For(scale, window);
        return new WorldSpec(seed, scale, window.ToString(), profile.EventsPerMonth, profile.ProductCount, profile.UserCount, new BehaviourCoefficients());
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public MonthWindow Window => MonthWindow.TryParse(Months, out var window, out var error)
        ? window!
        : throw new InvalidOperationException(error);
}
