namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// How sessions are prepared for next-item recommendation; every step is recorded in the card. The defaults follow the
/// published GRU4Rec/session-kNN preprocessing: consecutive repeats collapsed, sessions shorter than 2 dropped, items
/// seen fewer than 5 times in training removed (repeated until nothing changes), sessions cut at a maximum length.
/// </summary>
/// <param name="Events">Event types kept (remove_from_cart never is: it is not interest in a next item).</param>
/// <param name="RemoveRepeats">Collapse consecutive events of one item into one (the strongest event type is kept).</param>
/// <param name="MinSessionLength">Sessions with fewer items are dropped (after collapsing and filtering).</param>
/// <param name="MinItemSupport">Items with fewer training events are removed from training sessions, iteratively.</param>
/// <param name="MaxLength">Sessions are cut to their first this many items.</param>
public sealed record PreparationOptions(
    EventSelection Events = EventSelection.Views,
    bool RemoveRepeats = true,
    int MinSessionLength = 2,
    int MinItemSupport = 5,
    int MaxLength = 50)
{
    public IReadOnlyList<string> Describe() =>
    [
        $"events: {(Events == EventSelection.Views ? "views only" : "views, carts and purchases")} from silver's re-sessionised sessions",
        RemoveRepeats ? "consecutive repeats of one item collapsed into one event" : "consecutive repeats kept",
        $"sessions shorter than {MinSessionLength} items dropped",
        $"items with fewer than {MinItemSupport} training events removed, iteratively (with the short sessions they leave) until stable",
        $"sessions cut at {MaxLength} items",
        "item vocabulary from the training sessions only; a test item outside it is a miss, never dropped",
    ];
}
