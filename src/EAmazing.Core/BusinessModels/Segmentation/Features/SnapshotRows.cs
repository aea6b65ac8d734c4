using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.Segmentation.Features;

/// <summary>
/// Every user of one weekly snapshot of <c>gold_user_snapshots</c>: the latest snapshot at or before the as-of date
/// (features as of that snapshot's time, whole days before it only). Holds the clustering columns (raw) and the
/// columns the business profile reads; user ids are the lake's pseudonyms.
/// </summary>
public sealed record SnapshotRows(
    DateTime SnapshotTime,
    IReadOnlyList<SegmentColumn> Columns,
    IReadOnlyList<string> Users,
    double[][] Raw,
    ProfileColumns Profile)
{
    public int Count => Users.Count;

    /// <exception cref="InvalidOperationException">No snapshot at or before <paramref name="asOf"/> (a data error).</exception>
    public static SnapshotRows Load(IGoldEngine lake, IReadOnlyList<SegmentColumn> columns, DateOnly? asOf)
    {
        var view = GoldTables.UserSnapshots.ViewName;
        var bound = asOf is { } day ? $" WHERE as_of_time < TIMESTAMP '{day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'" : "";
        var time = lake.Query($"SELECT max(as_of_time) FROM {view}{bound}").Rows[0][0] as DateTime?;
        if (time is null)
        {
            var first = lake.Query($"SELECT min(as_of_time) FROM {view}").Rows[0][0] as DateTime?;
            throw new InvalidOperationException(first is null
                ? $"{view} holds no snapshot: run eamazing features build first"
                : $"{view} holds no snapshot at or before {asOf:yyyy-MM-dd}; the first is {first:yyyy-MM-dd}");
        }

        var snapshot = $"FROM {view} WHERE as_of_time = TIMESTAMP '{time:yyyy-MM-dd HH:mm:ss}'";
        string[] users = [];
        double[][] raw = [];
        ProfileColumns? profile = null;
        var select = string.Join(", ", columns.Select(c => $"CAST({c.Name} AS DOUBLE)").Concat(ProfileColumns.Sql));
        CountedRows.Read(lake, $"SELECT count(*) {snapshot}", $"SELECT user_id, {select} {snapshot} ORDER BY user_id", $"the snapshot of {time:yyyy-MM-dd}", count =>
        {
            users = new string[count];
            raw = new double[count][];
            profile = new ProfileColumns(count);
        }, (i, row) =>
        {
            users[i] = (string)row[0]!;
            raw[i] = new double[columns.Count];
            for (var j = 0; j < columns.Count; j++)
            {
                raw[i][j] = Number(row[1 + j]);
            }

            profile!.Read(i, row, 1 + columns.Count);
        });

        return new SnapshotRows(time.Value, columns, users, raw, profile!);
    }

    /// <summary>The rows at <paramref name="indices"/> (a sample or a bootstrap resample).</summary>
    public SnapshotRows Subset(IReadOnlyList<int> indices) =>
        this with { Users = indices.Select(i => Users[i]).ToArray(), Raw = indices.Select(i => Raw[i]).ToArray(), Profile = Profile.Subset(indices) };

    internal static double Number(object? value) => value is null ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
