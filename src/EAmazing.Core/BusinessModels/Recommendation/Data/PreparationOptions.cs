using EAmazing.Foundation.Statistics;

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
/// <param name="MaxEvaluatedSessions">
/// At most this many sessions of an evaluated day (validation or test) are scored: a systematic sample, every
/// (n / max)-th in start order, when the day has more. Full-catalogue ranking costs (events × items): a month's last
/// day holds hundreds of thousands of sessions over ~100k items; 20,000 sessions keep recall@20's interval within
/// about ±0.005 and leave the demo world's days (≈ 4,000 sessions) whole. Training always uses every session.
/// </param>
/// <param name="WindowDays">
/// Only the lake's last this many calendar days are read (0: every day); training, validation and test days all lie in
/// them. Months of sessions do not fit in memory as objects (one full-scale month is 8.4M sessions), and the next item
/// depends on recent behaviour. A session running across the window's first midnight keeps its later events only.
/// </param>
public sealed record PreparationOptions(
    EventSelection Events = EventSelection.Views,
    bool RemoveRepeats = true,
    int MinSessionLength = 2,
    int MinItemSupport = 5,
    int MaxLength = 50,
    int MaxEvaluatedSessions = PreparationOptions.DefaultMaxEvaluatedSessions,
    int WindowDays = 0)
{
    public const int DefaultMaxEvaluatedSessions = 20_000;

    /// <summary>The day's sessions, or a systematic sample of <see cref="MaxEvaluatedSessions"/> of them (evenly spread over the day's start order).</summary>
    public IReadOnlyList<T> EvaluationSample<T>(IReadOnlyList<T> day) => SystematicSample.Of(day, MaxEvaluatedSessions);

    public IReadOnlyList<string> Describe() =>
    [
        $"events: {(Events == EventSelection.Views ? "views only" : "views, carts and purchases")} from silver's re-sessionised sessions"
            + (WindowDays > 0 ? $" of the lake's last {WindowDays} days (a session running across the window's start keeps its later events)" : ", every day of the lake"),
        RemoveRepeats ? "consecutive repeats of one item collapsed into one event" : "consecutive repeats kept",
        $"sessions shorter than {MinSessionLength} items dropped",
        $"items with fewer than {MinItemSupport} training events removed, iteratively (with the short sessions they leave) until stable",
        $"sessions cut at {MaxLength} items",
        "item vocabulary from the training sessions only; a test item outside it is a miss, never dropped",
        $"at most {MaxEvaluatedSessions:N0} sessions scored per evaluated day: every (n / {MaxEvaluatedSessions:N0})-th in start order when a day has more; training uses every session",
    ];
}
