namespace EAmazing.Ingestion;

/// <summary>
/// The decompressed bytes of an input file, counted on the way through: how many, the last one (a file
/// whose last line has no newline may have been cut), and how far into the file on disk the reader is.
/// </summary>
internal sealed class SourceStream(Stream inner, FileStream file) : Stream
{
    public long BytesOut { get; private set; }

    public int LastByte { get; private set; } = -1;

    /// <summary>Bytes of the file on disk consumed so far (compressed bytes for gzip), for progress.</summary>
    public long FilePosition => file.CanSeek ? file.Position : 0;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesOut; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Why the content ended early (a corrupt compressed stream), or null.</summary>
    public string? Damage { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            // Keep every row read so far: a corrupt block ends the content instead of losing the file.
            Damage = $"compressed data is corrupt at file byte {FilePosition:N0} ({e.GetType().Name})";
            return 0;
        }

        if (n > 0)
        {
            BytesOut += n;
            LastByte = buffer[n - 1];
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
