using System.Diagnostics;
using DuckDB.NET.Data;

namespace EAmazing.Engine.DuckDb;

/// <summary>
/// Opens the catalog file, waiting a bounded time while another process holds it. DuckDB lets one process at a time
/// open a database file for writing and fails at once otherwise; a short command (the dashboard's read, a `sql` query)
/// holds it for a moment, so the next one waits its turn instead of failing.
/// </summary>
internal static class CatalogLock
{
    private const string LockProblem = "Could not set lock on file";

    public static DuckDBConnection Open(string catalog, TimeSpan wait, Action<string>? waiting)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(50);
        var told = false;
        while (true)
        {
            var connection = new DuckDBConnection($"Data Source={catalog}");
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException e) when (e.Message.Contains(LockProblem, StringComparison.Ordinal) && clock.Elapsed < wait)
            {
                connection.Dispose();
                if (!told)
                {
                    waiting?.Invoke(e.Message);
                    told = true;
                }

                Thread.Sleep(pause);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }
}
