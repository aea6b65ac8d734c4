using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Simulation;

/// <summary>One generated event; <see cref="Second"/> counts from the window start.</summary>
public readonly record struct SimulatedEvent(
    long Second,
    long UserId,
    Guid Session,
    int Product,
    int PriceCents,
    EventType Type);
