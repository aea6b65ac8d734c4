
namespace EAmazing.Lake;

/// <summary>Scratch tables for one input file: filled row by row, then written out as bronze and quarantine files.</summary>
public interface IStagingArea : IDisposable
{
    /// <summary>Appends a batch; called from the writing thread only.</summary>
    /// <param name="sessions">Per row, its silver session number, or 0 (a duplicate, or the file is not time-ordered).</param>
    /// <param name="users">Per row with a session, its user's number in the month (silver's user_number).</param>
    void Append(ReadOnlySpan<BronzeRow> rows, ReadOnlySpan<int> sessions, ReadOnlySpan<int> users, IReadOnlyList<QuarantinedRow> quarantined);

    /// <summary>
    /// Before the first append: bronze may be written while rows are appended (when the file turns out
    /// time-ordered and of one month); <paramref name="targetOf"/> gives the bronze file of a month, the one
    /// <see cref="WriteBronze"/> will be asked for. The streamed rows may be kept nowhere else: when the stream is
    /// given up, <see cref="Append"/> or <see cref="Seal"/> throws <see cref="BronzeStreamGivenUpException"/> and the
    /// file is staged again in a new staging area, without this call.
    /// </summary>
    /// <param name="expectedRows">About how many rows the file holds (from its size): silver streams too when the month will need several buckets.</param>
    void StreamBronze(Func<string, string> targetOf, string fileId, string keyId, long expectedRows);

    /// <summary>Ends appending; the tables are complete.</summary>
    void Seal();

    long CountDuplicates();

    /// <param name="alreadyOrdered">The rows were staged in time order, so no sort is needed.</param>
    long WriteBronze(string month, string target, string fileId, string keyId, bool alreadyOrdered);

    /// <summary>
    /// Writes one bucket of a silver month from the staged rows and their session marks (the month's only
    /// bronze file is this one, time-ordered); <paramref name="wholeMonth"/>: the bucket holds every user.
    /// May run on several threads at once (one bucket each), and while <see cref="WriteBronze"/> and
    /// <see cref="WriteQuarantine"/> run (after <see cref="Seal"/>).
    /// </summary>
    long WriteSilver(string month, UserBucket bucket, bool wholeMonth, string target, string fileId, string keyId);

    long WriteQuarantine(string target, string fileId, string fileName, string keyId);
}
