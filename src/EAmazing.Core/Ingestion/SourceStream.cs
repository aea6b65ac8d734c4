using System.Security.Cryptography;

namespace EAmazing.Ingestion;

/// <summary>
/// The decompressed bytes of an input file, counted on the way through: how many, the last one (a file
/// whose last line has no newline may have been cut), and how far into the file on disk the reader is.
/// The file's bytes are hashed as they are read (<see cref="ReadSha256"/>), so the hash recorded is that of
/// the content the rows came from, even when the file changes meanwhile.
/// </summary>
internal sealed class SourceStream : Stream
{
    private readonly FileStream _file;
    private readonly SHA256 _sha = SHA256.Create();
    private readonly CryptoStream _hashed;
    private readonly Stream _inner;

    /// <param name="decompress">Wraps the file's (hashed) bytes in a decompressor; null for plain text.</param>
    public SourceStream(Func<Stream, Stream>? decompress, FileStream file)
    {
        _file = file;
        _hashed = new CryptoStream(file, _sha, CryptoStreamMode.Read, leaveOpen: true);
        _inner = decompress is null ? _hashed : decompress(_hashed);
    }

    /// <summary>SHA-256 of every byte of the file, as read: the rest of the file (bytes a decompressor left unread) is read first.</summary>
    public string ReadSha256()
    {
        var rest = new byte[1 << 16];
        while (_hashed.Read(rest) > 0)
        {
        }

        return Convert.ToHexStringLower(_sha.Hash ?? throw new InvalidOperationException("the hash of the file was not completed"));
    }

    public long BytesOut { get; private set; }

    public int LastByte { get; private set; } = -1;

    /// <summary>Bytes of the file on disk consumed so far (compressed bytes for gzip), for progress.</summary>
    public long FilePosition => _file.CanSeek ? _file.Position : 0;

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
            n = _inner.Read(buffer);
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
            _inner.Dispose();
            _hashed.Dispose();
            _file.Dispose();
            _sha.Dispose();
        }

        base.Dispose(disposing);
    }
}
