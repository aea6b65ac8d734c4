using System.Globalization;

namespace EAmazing.Lake;

/// <summary>
/// A large query read straight into arrays: its rows counted first, so the caller allocates each array once at its
/// size (not lists of millions that double as they grow, nor one materialised result of boxed values), then streamed
/// row by row. A table that changes between the count and the read is refused, never half read.
/// </summary>
public static class CountedRows
{
    /// <param name="count">A <c>SELECT count(*)</c> of exactly the rows <paramref name="query"/> returns.</param>
    /// <param name="what">The rows' name in the error (a view, a snapshot).</param>
    /// <param name="size">Called once with the count, before any row.</param>
    /// <param name="row">Called with each row's index and values (one buffer, reused: copy what you keep).</param>
    /// <returns>The number of rows read.</returns>
    /// <exception cref="InvalidOperationException">The rows changed between the count and the read.</exception>
    public static int Read(IGoldEngine lake, string count, string query, string what, Action<int> size, Action<int, object?[]> row)
    {
        var counted = Convert.ToInt32(lake.Query(count).Rows[0][0], CultureInfo.InvariantCulture);
        size(counted);
        using var reader = lake.Open(query);
        var values = new object?[reader.Columns.Count];
        var n = 0;
        while (reader.Read(values))
        {
            if (n == counted)
            {
                throw new InvalidOperationException($"{what} changed while it was read ({counted:N0} rows counted)");
            }

            row(n++, values);
        }

        if (n != counted)
        {
            throw new InvalidOperationException($"{what} changed while it was read ({counted:N0} rows counted, {n:N0} read)");
        }

        return n;
    }
}
