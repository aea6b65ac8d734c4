using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Models.Data;

/// <summary>
/// A sample of users for training on a gold table too large to hold: the users whose pseudonym's first four hex digits fall
/// below a threshold. Pseudonyms are uniform keyed hashes, so the share is the threshold over 16^4; the same users are kept
/// under a key whatever else changes, and each kept user keeps every row (temporal splits stay whole, no user is cut).
/// </summary>
public sealed record UserSample(int Below, long Rows, long AllRows)
{
    /// <summary>The values of four hex digits.</summary>
    public const int Range = 0x10000;

    public string Filter => string.Create(CultureInfo.InvariantCulture, $"substr(user_id, 1, 4) < '{Below:x4}'");

    public double Share => (double)Below / Range;

    public string Rule => string.Create(CultureInfo.InvariantCulture,
        $"a {Share * 100:0.0}% user sample (pseudonyms below '{Below:x4}' in their first four hex digits: {Rows:N0} of the {AllRows:N0} labelled rows)");

    /// <summary>Null when the table's labelled rows are at most <paramref name="maxRows"/>; else the sample of about that many rows.</summary>
    public static UserSample? For(IGoldEngine lake, GoldTable table, string label, long maxRows)
    {
        var labelled = $"FROM {table.ViewName} WHERE {label} IS NOT NULL";
        var all = Convert.ToInt64(lake.Query($"SELECT count(*) {labelled}").Rows[0][0], CultureInfo.InvariantCulture);
        if (all <= maxRows)
        {
            return null;
        }

        var below = (int)Math.Max(1, Math.Floor((double)maxRows / all * Range));
        var sample = new UserSample(below, 0, all);
        var rows = Convert.ToInt64(lake.Query($"SELECT count(*) {labelled} AND {sample.Filter}").Rows[0][0], CultureInfo.InvariantCulture);
        return sample with { Rows = rows };
    }
}
