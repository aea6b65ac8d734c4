using System.Security.Cryptography;

namespace EAmazing.Foundation.Files;

/// <summary>
/// Reads a stream forward in 1 MiB blocks and hashes each block (SHA-256) as it is read, then serves the reader's
/// smaller reads (a decompressor's 8 KiB) from the block. Hand-written because CryptoStream hashes per read call,
/// i.e. in the decompressor's small pieces; one hash call per megabyte keeps the per-call overhead out of the ingest.
/// </summary>
public sealed class HashedReadStream(Stream inner, bool leaveOpen = false) : Stream
{
    private const int BlockSize = 1 << 20;

    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _block = new byte[BlockSize];
    private int _start;
    private int _end;

    /// <summary>Reads whatever the reader left, then returns the SHA-256 (hex) of every byte of the stream.</summary>
    public string ReadToEndAndHash()
    {
        _start = _end = 0;
        int n;
        while ((n = inner.Read(_block)) > 0)
        {
            _sha.AppendData(_block, 0, n);
        }

        return Convert.ToHexStringLower(_sha.GetHashAndReset());
    }

    public override int Read(Span<byte> buffer)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = inner.ReadAtLeast(_block, BlockSize, throwOnEndOfStream: false);
            if (_end == 0)
            {
                return 0;
            }

            _sha.AppendData(_block, 0, _end);
        }

        var n = Math.Min(buffer.Length, _end - _start);
        _block.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

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
            _sha.Dispose();
            if (!leaveOpen)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
