namespace EAmazing.Ingestion;

/// <summary>
/// Counts exact duplicate rows (identical text) while reading, in memory bounded by one second of events:
/// identical rows share their event_time, so in a time-ordered file only rows of the current second can
/// repeat. When time goes backwards the file is not ordered and the count is given up (<see cref="Count"/>
/// is null): the engine counts instead.
/// </summary>
internal sealed class DuplicateCounter
{
    private readonly HashSet<string> _second = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private DateTime _time = DateTime.MinValue;
    private long _count;
    private bool _ordered = true;

    public DuplicateCounter() => _lookup = _second.GetAlternateLookup<ReadOnlySpan<char>>();

    public long? Count => _ordered ? _count : null;

    public void Add(DateTime time, ReadOnlySpan<char> row)
    {
        if (!_ordered)
        {
            return;
        }

        if (time != _time)
        {
            if (time < _time)
            {
                _ordered = false;
                _second.Clear();
                return;
            }

            _time = time;
            _second.Clear();
        }

        if (_lookup.Contains(row))
        {
            _count++;
        }
        else
        {
            _lookup.Add(row);
        }
    }
}
