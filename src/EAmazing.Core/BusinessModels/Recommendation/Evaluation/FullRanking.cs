namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>
/// Ranks from a full-catalogue score vector, with one deterministic tie rule everywhere: a higher score first, and
/// among equal scores the lower index (the more popular item in training) first, so the rank an evaluation reports is
/// the position the item takes in the list a user would be served.
/// </summary>
public static class FullRanking
{
    /// <summary>The 1-based rank of <paramref name="target"/>.</summary>
    public static int RankOf(ReadOnlySpan<float> scores, int target)
    {
        var s = scores[target];
        var above = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            if (scores[j] > s || (j < target && scores[j] == s))
            {
                above++;
            }
        }

        return above + 1;
    }

    /// <summary>The <paramref name="n"/> best items, best first (same tie rule).</summary>
    public static int[] Top(ReadOnlySpan<float> scores, int n)
    {
        n = Math.Min(n, scores.Length);
        var top = new int[n];
        var count = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            if (count == n && !(scores[j] > scores[top[n - 1]]))
            {
                continue;
            }

            // Insert j keeping the list ordered; an equal score stays after the earlier (lower) index.
            var at = count < n ? count : n - 1;
            while (at > 0 && scores[j] > scores[top[at - 1]])
            {
                top[at] = top[at - 1];

                at--;
            }

            top[at] = j;
            count = Math.Min(n, count + 1);
        }

        return top;
    }
}
