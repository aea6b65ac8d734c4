using System.Buffers;
using System.Collections.Concurrent;
using EAmazing.Lake;
using EAmazing.Privacy;
using nietras.SeparatedValues;

namespace EAmazing.Ingestion;

/// <summary>
/// Reads one input file into a staging area on two threads: this one parses and validates (Sep,
/// pseudonyms cached per id), a second one marks duplicates and sessions for silver (<see cref="SilverSessions"/>)
/// and formats the staged rows for the engine. Damage (a cut or corrupt file)
/// ends the reading, never the run: complete rows are kept and the cut row is quarantined. Rows of erased
/// people (<see cref="SuppressionList"/>) are counted and dropped here, at pseudonymisation time, before any layer.
/// </summary>
internal sealed class Rees46FileParser(IngestOptions options, Pseudonymiser pseudonymiser, DateTime latestEventTime, SuppressionList? suppressed = null)
{
    private const int QueueDepth = 4;

    public ParsedFile Parse(SourceFile source, IStagingArea staging, Action<long, long>? progress)
    {
        var validator = new Rees46RowValidator(options, pseudonymiser, latestEventTime);
        using var queue = new BlockingCollection<IngestBatch>(QueueDepth);
        var silver = new SilverSessions(options.SessionGap);
        var writer = Task.Factory.StartNew(() =>
        {
            var sessions = new int[options.BatchSize];
            var users = new int[options.BatchSize];
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                var rows = batch.Rows.AsSpan(0, batch.Count);
                for (var i = 0; i < rows.Length; i++)
                {
                    sessions[i] = silver.Mark(rows[i], out users[i]);
                }

                staging.Append(rows, sessions.AsSpan(0, rows.Length), users.AsSpan(0, rows.Length), batch.Quarantined);
                ArrayPool<BronzeRow>.Shared.Return(batch.Rows, clearArray: true);
            }

            staging.Seal();
        }, TaskCreationOptions.LongRunning);

        try
        {
            var parsed = ReadAll(source, validator, queue, writer, progress);
            queue.CompleteAdding();
            writer.GetAwaiter().GetResult();
            return parsed with { Duplicates = silver.Ordered ? silver.Duplicates : null };
        }
        catch
        {
            queue.CompleteAdding();
            try
            {
                writer.Wait();
            }
            catch (AggregateException)
            {
                // The parsing failure is the one worth reporting.
            }

            throw;
        }
    }

    private ParsedFile ReadAll(SourceFile source, Rees46RowValidator validator, BlockingCollection<IngestBatch> queue, Task writer, Action<long, long>? progress)
    {
        using var stream = source.Open(out var expectedLength);
        // leaveOpen: the file is hashed to its end after the rows are read, whoever disposes the text reader first.
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var reader = Rees46Csv.Read(text);

        long read = 0, valid = 0, quarantined = 0, emptySessions = 0, dropped = 0;
        var suppression = suppressed is { IsEmpty: false } ? suppressed : null;
        var rows = ArrayPool<BronzeRow>.Shared.Rent(options.BatchSize);
        var count = 0;
        var bad = new List<QuarantinedRow>();
        var lastRowRejected = false;
        var lastLine = 0L;
        var first = true;
        var months = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var monthOf = DateTime.MinValue;
        var month = "";
        long inMonth = 0;
        var lastSuppressedLine = -1L;
        foreach (var row in reader)
        {
            if (first)
            {
                first = false;
                if (Rees46Columns.IsHeader(row))
                {
                    // The header line is optional in the published files; when present, columns are taken by
                    // name, and a header that is not the REES46 one refuses the file before any row is staged.
                    if (!Rees46Columns.TryMap(row, out var columns, out var refused))
                    {
                        ArrayPool<BronzeRow>.Shared.Return(rows);
                        // Hashed to its end all the same: a file new to the lake was not hashed before it was read.
                        return ParsedFile.Nothing with { Refused = refused, ReadSha256 = stream.ReadSha256() };
                    }

                    validator.Columns = columns;
                    continue;
                }
            }

            if (count == options.BatchSize)
            {
                Send();
            }

            read++;
            lastLine = Rees46RowValidator.LineOf(row);
            if (validator.TryValidate(row, out var bronze, out var problem))
            {
                if (suppression is not null && suppression.Contains(bronze.UserId))
                {
                    dropped++;
                    lastRowRejected = false;
                    continue;
                }

                rows[count++] = bronze;
                valid++;
                if (bronze.EventTime.Year != monthOf.Year || bronze.EventTime.Month != monthOf.Month)
                {
                    CountMonth();
                    monthOf = bronze.EventTime;
                    month = monthOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                }

                inMonth++;

                emptySessions += bronze.UserSession is null ? 1 : 0;
                lastRowRejected = false;
            }
            else
            {
                var rejected = validator.Quarantine(row, lastLine, problem);
                if (suppression is not null && rejected.UserId is { } user && suppression.Contains(user))
                {
                    // Not even quarantine may keep an erased person's row; a cut last line is still reported below.
                    dropped++;
                    lastRowRejected = false;
                    lastSuppressedLine = lastLine;
                    continue;
                }

                bad.Add(rejected);
                quarantined++;
                lastRowRejected = true;
            }
        }

        var damage = stream.Damage;
        var unterminated = stream.LastByte is not '\n' and not -1;
        if (unterminated && lastRowRejected)
        {
            // A last line without its newline that does not validate was cut, not malformed.
            var cut = bad[^1];
            bad[^1] = cut with { Reason = QuarantineReason.TruncatedRow, Message = $"row cut short at the end of the input ({cut.Message})" };
            damage ??= $"the input ends in the middle of line {cut.SourceLine:N0}";
        }
        else if (unterminated && lastSuppressedLine == lastLine)
        {
            damage ??= $"the input ends in the middle of line {lastLine:N0}";
        }

        if (damage is null && expectedLength is { } expected && (uint)stream.BytesOut != expected)
        {
            // Cut, followed by garbage, or several members: only the last trailer was compared; a second pass decides.
            damage = source.GzipEndProblem(stream.BytesOut, lastLine);
        }

        var readSha256 = stream.ReadSha256();

        Send();
        CountMonth();
        ArrayPool<BronzeRow>.Shared.Return(rows);
        progress?.Invoke(read, source.SizeBytes);
        return new ParsedFile(read, valid, quarantined, emptySessions, damage, null, [.. months.Keys], dropped, months, ReadSha256: readSha256);

        // Rows are counted per run of one month (once per month in a time-ordered file).
        void CountMonth()
        {
            if (inMonth > 0)
            {
                months[month] = months.GetValueOrDefault(month) + inMonth;
                inMonth = 0;
            }
        }

        void Send()
        {
            var batch = new IngestBatch(rows, count, bad);
            while (!queue.TryAdd(batch, 100))
            {
                if (writer.IsFaulted)
                {
                    writer.GetAwaiter().GetResult();
                }
            }

            progress?.Invoke(read, stream.FilePosition);
            rows = ArrayPool<BronzeRow>.Shared.Rent(options.BatchSize);
            count = 0;
            bad = [];
        }
    }
}
