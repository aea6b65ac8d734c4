namespace EAmazing.Sources.Synthetic;

/// <summary>How much data <c>generate</c> writes.</summary>
public enum GenerationScale
{
    /// <summary>About 20 thousand events over the window: for tests, a second or two.</summary>
    Tiny,

    /// <summary>About 2 million events over the window (Oct–Nov 2019 by default).</summary>
    Demo,

    /// <summary>The real October size, about 42 million events, for each month of the window.</summary>
    Month,

    /// <summary>The real monthly volumes, about 411 million events over all seven months.</summary>
    Full,
}
