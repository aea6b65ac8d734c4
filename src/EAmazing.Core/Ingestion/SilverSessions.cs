using EAmazing.Lake;

namespace EAmazing.Ingestion;

/// <summary>
/// Silver's two steps done while a file streams by, for files in time order: exact duplicates (same values
/// in every column, so the same event_time) are found with a set of the current second's rows only, and
/// each user's events are numbered into sessions (a gap longer than the session gap starts the next one;
/// numbering restarts each month, as in the per-month SQL rebuild). Gives, per row, its session number or
/// 0 for a duplicate, and its user's number in the month: users are numbered 1, 2, ... in the order of their first
/// event of the month (the rebuild's order: time, then source line), so silver and gold can group a month's events on
/// an integer instead of the 32-character pseudonym. When time goes backwards the file is not ordered: the marks are
/// given up (<see cref="Ordered"/> false) and silver is rebuilt by the engine instead.
/// </summary>
internal sealed class SilverSessions(TimeSpan sessionGap)
{
    public const int Duplicate = 0;

    private readonly HashSet<BronzeRow> _second = new(SameEvent.Instance);
    // By the user's number (BronzeRow.UserNumber): an array, no hashing of pseudonyms. Number 0 in an entry: not seen this month.
    private UserSession[] _users = new UserSession[1 << 16];
    private DateTime _time = DateTime.MinValue;
    private (int Year, int Month) _month;
    private int _monthUsers;

    public bool Ordered { get; private set; } = true;

    /// <summary>Rows whose values repeat an earlier row of the file; meaningful while <see cref="Ordered"/>.</summary>
    public long Duplicates { get; private set; }

    /// <summary>The row's session number (or <see cref="Duplicate"/>); <paramref name="userNumber"/>: its user's number in the month (0 for a duplicate).</summary>
    public int Mark(in BronzeRow row, out int userNumber)
    {
        userNumber = 0;
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
                _users = [];
                return Duplicate;
            }

            _time = row.EventTime;
            _second.Clear();
            if ((_time.Year, _time.Month) != _month)
            {
                _month = (_time.Year, _time.Month);
                Array.Clear(_users);
                _monthUsers = 0;
            }
        }

        if (!_second.Add(row))
        {
            Duplicates++;
            return Duplicate;
        }

        if (row.UserNumber >= _users.Length)
        {
            Array.Resize(ref _users, Math.Max(_users.Length * 2, row.UserNumber + 1));
        }

        ref var user = ref _users[row.UserNumber];
        if (user.Number == 0)
        {
            user.InMonth = ++_monthUsers;
        }

        if (user.Number == 0 || row.EventTime - user.Last > sessionGap)
        {
            user.Number++;
        }

        user.Last = row.EventTime;
        userNumber = user.InMonth;
        return user.Number;
    }

    /// <summary>Rows that say the same thing: every column but the source line (where a row was, not what it says).</summary>
    private sealed class SameEvent : IEqualityComparer<BronzeRow>
    {
        public static SameEvent Instance { get; } = new();

        public bool Equals(BronzeRow x, BronzeRow y) =>
            x.EventTime == y.EventTime && x.EventType == y.EventType && x.ProductId == y.ProductId && x.CategoryId == y.CategoryId
            && x.PriceCents == y.PriceCents && string.Equals(x.UserId, y.UserId, StringComparison.Ordinal)
            && string.Equals(x.UserSession, y.UserSession, StringComparison.Ordinal)
            && string.Equals(x.CategoryCode, y.CategoryCode, StringComparison.Ordinal) && string.Equals(x.Brand, y.Brand, StringComparison.Ordinal);

        // Within one second (the set holds one second's rows) these few columns already tell rows apart.
        public int GetHashCode(BronzeRow row) =>
            HashCode.Combine(row.ProductId, row.PriceCents, row.EventType, row.UserNumber);
    }

    private struct UserSession
    {
        public DateTime Last;
        public int Number;
        public int InMonth; // the user's number in the month
    }
}
