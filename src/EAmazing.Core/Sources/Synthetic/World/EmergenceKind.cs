namespace EAmazing.Sources.Synthetic.World;

/// <summary>What the world planted in a category's demand (recorded in <c>truth/emergences.json</c>).</summary>
public enum EmergenceKind
{
    /// <summary>An existing category that starts growing on its onset day.</summary>
    Emerging,

    /// <summary>An existing category that starts shrinking on its onset day (a negative for the detector).</summary>
    Declining,

    /// <summary>A new product line: a new category with no event before its launch day, then a ramp to full demand.</summary>
    Launch,
}
