using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EAmazing.Governance.Audit;

/// <summary>
/// The append-only, hash-chained audit trail of every command or API call that reads or changes personal
/// data (<c>&lt;lake&gt;/audit/audit.jsonl</c>, one JSON object per line). Each entry holds the hash of the
/// previous one, so an edited, removed or reordered entry breaks the chain at that entry (<see cref="Verify"/>).
/// Appends from several processes (the CLI and a running server) are serialised by an exclusive lock on a
/// sibling lock file; each append is flushed to disk before the call returns. Thread-safe.
/// </summary>
public sealed class AuditTrail
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private (long Length, long Sequence, string Hash)? _tail;

    public AuditTrail(string path, TimeProvider? clock = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _clock = clock ?? TimeProvider.System;
    }

    public string Path { get; }

    /// <summary>The trail of a lake: <c>&lt;lake&gt;/audit/audit.jsonl</c>.</summary>
    public static AuditTrail ForLake(string lakeRoot, TimeProvider? clock = null) =>
        new(System.IO.Path.Combine(System.IO.Path.GetFullPath(lakeRoot), "audit", "audit.jsonl"), clock);

    /// <summary>The actor of a command-line call: the OS user running it.</summary>
    public static string OsActor => "os:" + Environment.UserName;

    public AuditRecord Append(AuditEvent entry) => AppendAll([entry])[0];

    /// <summary>
    /// Appends a lake commit's entries, each detail ending with <c>[commit ID]</c>, unless the trail's tail already
    /// holds that commit's entries: a commit replayed after a crash between its append and its end adds them once.
    /// </summary>
    public IReadOnlyList<AuditRecord> AppendOnce(string commitId, IReadOnlyList<AuditEvent> entries)
    {
        var marker = $"[commit {commitId}]";
        return AppendAll([.. entries.Select(e => e with { Detail = string.IsNullOrEmpty(e.Detail) ? marker : $"{e.Detail} {marker}" })], marker);
    }

    /// <summary>
    /// Appends entries in order under one lock and one flush to disk: what a busy server uses to keep
    /// its per-call cost low (<see cref="BufferedAuditTrail"/>). The chain is the same as one append each.
    /// </summary>
    public IReadOnlyList<AuditRecord> AppendAll(IReadOnlyList<AuditEvent> entries) => AppendAll(entries, unlessTailHolds: null);

    private IReadOnlyList<AuditRecord> AppendAll(IReadOnlyList<AuditEvent> entries, string? unlessTailHolds)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var exclusive = AcquireLock();
            using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var (sequence, previous) = Tail(stream);
            if (unlessTailHolds is not null && TailHolds(stream, unlessTailHolds))
            {
                return [];
            }

            var time = _clock.GetUtcNow().UtcDateTime;
            time = new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            var records = new List<AuditRecord>(entries.Count);
            var lines = new StringBuilder();
            foreach (var entry in entries)
            {
                var record = new AuditRecord(++sequence, time, entry.Actor, entry.Action, entry.Target, entry.Detail, previous, "");
                record = record with { Hash = HashOf(record) };
                records.Add(record);
                lines.Append(JsonSerializer.Serialize(record, Json)).Append('\n');
                previous = record.Hash;
            }

            stream.Seek(0, SeekOrigin.End);
            stream.Write(Encoding.UTF8.GetBytes(lines.ToString()));
            stream.Flush(flushToDisk: true);
            _tail = (stream.Length, sequence, previous);
            return records;
        }
    }

    public IReadOnlyList<AuditRecord> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        return File.ReadLines(Path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<AuditRecord>(l, Json)!).ToList();
    }

    /// <summary>Walks the chain from the first line; names the first line whose content, order or predecessor is wrong.</summary>
    public AuditVerification Verify()
    {
        if (!File.Exists(Path))
        {
            return new(0, null, null, null);
        }

        var previous = Genesis;
        long expected = 1, line = 0;
        foreach (var text in File.ReadLines(Path))
        {
            line++;
            AuditRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<AuditRecord>(text, Json);
            }
            catch (JsonException)
            {
                record = null;
            }

            if (record is null)
            {
                return new(line - 1, line, null, IsTorn(line)
                    ? $"line {line} is torn: an append cut short (a crash); the next append sets it aside in {System.IO.Path.GetFileName(TornPath)} and goes on"
                    : $"line {line} is not an audit entry");
            }

            if (HashOf(record) != record.Hash)
            {
                return new(line - 1, line, record.Sequence, $"entry {record.Sequence} (line {line}) was edited: its content does not match its hash");
            }

            if (record.Previous != previous || record.Sequence != expected)
            {
                var later = record.Sequence > expected ? LineOf(expected, line) : null;
                var what = later is not null
                    ? $"it is out of order: entry {expected} should come before it but is at line {later}"
                    : record.Sequence > expected
                    ? $"entries {expected}..{record.Sequence - 1} are missing before it"
                    : record.Sequence < expected ? $"it is out of order (expected entry {expected})" : "its predecessor's hash does not match";
                return new(line - 1, line, record.Sequence, $"entry {record.Sequence} (line {line}) breaks the chain: {what}");
            }

            previous = record.Hash;
            expected = record.Sequence + 1;
        }

        return new(line, null, null, null);
    }

    /// <summary>Where torn last lines are set aside, for the record.</summary>
    public string TornPath => Path + ".torn";

    /// <summary>Whether <paramref name="line"/> is the file's last line and has no newline: what an append cut short leaves.</summary>
    private bool IsTorn(long line)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n' && File.ReadLines(Path).LongCount() == line;
    }

    private static bool TailHolds(FileStream stream, string marker)
    {
        var window = (int)Math.Min(stream.Length, 64 * 1024);
        var buffer = new byte[window];
        stream.Seek(stream.Length - window, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer).Contains(marker, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sets a torn last line (no newline: an append cut short) aside in <see cref="TornPath"/> and cuts it off,
    /// so the chain goes on from the last whole entry. A whole line that is no entry is left for <see cref="Verify"/>.
    /// </summary>
    private void RepairTornTail(FileStream stream)
    {
        var window = (int)Math.Min(stream.Length, 64 * 1024);
        var buffer = new byte[window];
        stream.Seek(stream.Length - window, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        if (buffer[^1] == '\n')
        {
            return;
        }

        var lastNewline = Array.LastIndexOf(buffer, (byte)'\n');
        var keep = stream.Length - window + lastNewline + 1;
        if (lastNewline < 0 && window < stream.Length)
        {
            throw new InvalidDataException($"{Path}: its last line is over 64 KiB and has no end; run eamazing gdpr audit verify");
        }

        File.AppendAllText(TornPath, $"{_clock.GetUtcNow():O} cut from {Path} at byte {keep}: {Encoding.UTF8.GetString(buffer, lastNewline + 1, window - lastNewline - 1)}\n");
        stream.SetLength(keep);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The line after <paramref name="after"/> holding entry <paramref name="sequence"/>, if any: tells a reordering from a removal.</summary>
    private long? LineOf(long sequence, long after)
    {
        long line = 0;
        foreach (var text in File.ReadLines(Path))
        {
            line++;
            if (line <= after)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<AuditRecord>(text, Json)?.Sequence == sequence)
                {
                    return line;
                }
            }
            catch (JsonException)
            {
                // an unreadable line is no entry
            }
        }

        return null;
    }

    internal static string HashOf(AuditRecord record)
    {
        // The hashed text is fixed field by field (not the JSON), so formatting never changes a hash.
        var text = string.Join('\u001f',
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.Time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            record.Actor, record.Action, record.Target ?? "", record.Detail ?? "", record.Previous);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private (long Sequence, string Previous) Tail(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return (0, Genesis);
        }

        // Under the lock, an unchanged length means nobody else appended since our last append: reuse its tail
        // instead of reading the file again (the common case for a server appending alone).
        if (_tail is { } cached && cached.Length == length)
        {
            return (cached.Sequence, cached.Hash);
        }

        RepairTornTail(stream);
        length = stream.Length;
        if (length == 0)
        {
            return (0, Genesis);
        }

        // The last line is enough: the chain's integrity is Verify's job, not every append's.
        var window = (int)Math.Min(length, 64 * 1024);
        var buffer = new byte[window];
        stream.Seek(length - window, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        var text = Encoding.UTF8.GetString(buffer).TrimEnd('\n');
        var last = text[(text.LastIndexOf('\n') + 1)..];
        AuditRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<AuditRecord>(last, Json);
        }
        catch (JsonException)
        {
            record = null;
        }

        // A whole last line that is no entry was edited, not cut: appending after it would hide that, so refuse.
        return record is null
            ? throw new InvalidDataException($"{Path}: its last line is not an audit entry; appends are refused until it is repaired (eamazing gdpr audit verify names the line)")
            : (record.Sequence, record.Hash);
    }

    private FileStream AcquireLock()
    {
        var lockPath = Path + ".lock";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix: one appender across processes.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 2000)
            {
                Thread.Sleep(5);
            }
        }
    }
}
