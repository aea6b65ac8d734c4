namespace EAmazing.Features;

/// <summary>Which silver months a gold table's month is computed from: what makes it stale when they change.</summary>
public enum MonthInputs
{
    /// <summary>Only its own month (sessions, prefixes, daily demand, monthly transitions).</summary>
    SameMonth,

    /// <summary>Its month and every earlier month (history features: past sessions, trailing windows, first seen).</summary>
    HistoryToMonth,

    /// <summary>Every month up to the next one (history features plus a label window that runs into the next month).</summary>
    HistoryToNextMonth,
}
