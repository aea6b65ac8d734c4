namespace EAmazing.Models.Families.Preparation;

/// <summary>One input feature's fitted preparation: optional log1p, then (x − mean) / scale, and an optional missing indicator.</summary>
public sealed record PreparedColumn(string Feature, bool Log1p, double Mean, double Scale, bool Centre, bool MissingIndicator)
{
    /// <summary>The value for the learner; a missing value becomes the training mean (0 once centred).</summary>
    public float Transform(float value)
    {
        if (float.IsNaN(value))
        {
            return Centre ? 0f : (float)Mean;
        }

        var x = Log1p ? Math.Log(1 + Math.Max(0, (double)value)) : value;
        return Centre ? (float)((x - Mean) / Scale) : (float)x;
    }
}
