using System.Runtime.InteropServices;

namespace EAmazing.Ingestion;

/// <summary>
/// Silver's two steps done while a file streams by, for files in time order: exact duplicates (same values
/// in every column, so the same event_time) are found with a set of the current second's rows only, and
/// each user's events are numbered into sessions (a gap longer than the session gap starts the next one;
/// numbering restarts each month, as in the per-month SQL rebuild). Gives, per row, its session number or
/// 0 for a duplicate. When time goes backwards the file is not ordered: the marks are given up
/// (<see cref="Ordered"/> false) and silver is rebuilt by the engine instead.
/// </summary>
internal sealed class SilverSessions(TimeSpan sessionGap)
{
    public const int Duplicate = 0;

    private readonly HashSet<BronzeRow> _second = [];
    private readonly Dictionary<string, UserSession> _users = new(StringComparer.Ordinal);
    private DateTime _time = DateTime.MinValue;
    private (int Year, int Month) _month;

    public bool Ordered { get; private set; } = true;

    /// <summary>Rows whose values repeat an earlier row of the file; meaningful while <see cref="Ordered"/>.</summary>
    public long Duplicates { get; private set; }

    public int Mark(in BronzeRow row)
    {
        if (!Ordered)
        {
            return Duplicate;
        }

        if (row.EventTime != _time)
        {
            if (row.EventTime < _time)
            {
                Ordered = false;
                _second.Clear();
                _users.Clear();
                return Duplicate;
            }

            _time = row.EventTime;
            _second.Clear();
            if ((_time.Year, _time.Month) != _month)
            {
                _month = (_time.Year, _time.Month);
                _users.Clear();
            }
        }

        // The source line is where a row was, not what it says.
        if (!_second.Add(row with { SourceLine = 0 }))
        {
            Duplicates++;
            return Duplicate;
        }

        ref var user = ref CollectionsMarshal.GetValueRefOrAddDefault(_users, row.UserId, out var seen);
        if (!seen || row.EventTime - user.Last > sessionGap)
        {
            user.Number++;
        }

        user.Last = row.EventTime;
        return user.Number;
    }

    private struct UserSession
    {
        public DateTime Last;
        public int Number;
    }
}
