namespace EAmazing.BusinessModels.Segmentation.Identity;

/// <summary>Who moved where between two snapshots: people per (segment before, segment after), over the users present in both.</summary>
public sealed record MigrationMatrix(DateTime From, DateTime To, IReadOnlyList<int> Segments, long[,] People)
{
    public static MigrationMatrix Between(DateTime from, DateTime to, IReadOnlyList<string> usersBefore, int[] before, IReadOnlyList<string> usersAfter, int[] after, IReadOnlyList<int> segments)
    {
        var index = segments.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var earlier = new Dictionary<string, int>(usersBefore.Count);
        for (var i = 0; i < usersBefore.Count; i++)
        {
            earlier[usersBefore[i]] = before[i];
        }

        var people = new long[segments.Count, segments.Count];
        for (var i = 0; i < usersAfter.Count; i++)
        {
            if (earlier.TryGetValue(usersAfter[i], out var was))
            {
                people[index[was], index[after[i]]]++;
            }
        }

        return new MigrationMatrix(from, to, segments, people);
    }

    /// <summary>Share of the users in both snapshots who stayed in their segment.</summary>
    public double Stayed
    {
        get
        {
            long total = 0, diagonal = 0;
            for (var a = 0; a < Segments.Count; a++)
            {
                for (var b = 0; b < Segments.Count; b++)
                {
                    total += People[a, b];
                    diagonal += a == b ? People[a, b] : 0;
                }
            }

            return total == 0 ? double.NaN : diagonal / (double)total;
        }
    }
}
