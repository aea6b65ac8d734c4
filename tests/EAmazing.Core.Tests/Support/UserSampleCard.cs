using System.Globalization;
using System.Text.RegularExpressions;
using EAmazing.Models.Registry;

namespace EAmazing.Core.Tests.Support;

/// <summary>What a card trained on a user sample (<c>--max-rows</c>) must state: the rule, its rows, and no more rows used.</summary>
public static class UserSampleCard
{
    public static void AssertStated(ModelCard card, long labelled)
    {
        var rule = Assert.Single(Regex.Matches(card.Task,
            @"trained and tested on a (\d+\.\d)% user sample \(pseudonyms below '([0-9a-f]{4})' in their first four hex digits: ([\d,]+) of the ([\d,]+) labelled rows\) \(--max-rows [\d,]+\)"));
        Assert.Equal(labelled, long.Parse(rule.Groups[4].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        var rows = long.Parse(rule.Groups[3].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(rows, labelled / 4, labelled * 3 / 4);
        Assert.InRange(card.Data.TrainRows + card.Data.ValidationRows + card.Data.TestRows, 1, rows);
    }
}
