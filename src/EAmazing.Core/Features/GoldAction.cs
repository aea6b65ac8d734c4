namespace EAmazing.Features;

/// <summary>What a build did, or would do, to one gold partition.</summary>
public enum GoldAction
{
    /// <summary>Its silver inputs, SQL and options are unchanged since it was built: nothing to do.</summary>
    UpToDate,

    /// <summary>Not built yet, or its inputs changed: (re)computed.</summary>
    Build,

    /// <summary>Its silver month is gone: deleted.</summary>
    Remove,
}
