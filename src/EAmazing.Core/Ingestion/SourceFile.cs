using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace EAmazing.Ingestion;

/// <summary>
/// An input file on disk: its identity (size, modification time, SHA-256) and how to read its text. The hash
/// taken here only decides whether the file was already ingested; the one recorded is taken over the bytes
/// actually read (<see cref="SourceStream.ReadSha256"/>), and a file that changed meanwhile fails (<see cref="ChangedWhileRead"/>).
/// A file <see cref="Glance">glanced at</see> is not hashed before it is read (<see cref="Sha256"/> is null): its
/// <see cref="FileId"/> comes from its size and a sample of its bytes.
/// </summary>
public sealed record SourceFile(string Path, long SizeBytes, string? Sha256, SourceKind Kind, DateTime LastWriteUtc, string FileId)
{
    private const int SampleBytes = 1 << 20;

    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// About how many rows the file holds, from its size alone (a REES46 line is 100-140 bytes; gzip makes it ~50-65).
    /// Only a hint for how to stage it: a wrong guess costs time, never rows.
    /// </summary>
    public long ExpectedRows => Kind == SourceKind.GzipText ? SizeBytes / 60 : SizeBytes / 120;

    /// <summary>The file with the SHA-256 of its content, read whole now; <see cref="FileId"/> is the hash's first 16 digits.</summary>
    public static SourceFile Inspect(string path) => Open(path, stream =>
    {
        var sha = Sha256Of(stream);
        return (sha, sha[..16]);
    });

    /// <summary>
    /// The file without reading it whole: its size, kind and an id from the SHA-256 of its size, first and last MiB
    /// (for gzip the last bytes hold the CRC-32 and length of the whole content). Short, stable and of the content,
    /// like a hash's, but not unique to it: only for a file whose size no file of the lake has (same content, same
    /// size), which is then hashed while it is read (<see cref="SourceStream.ReadSha256"/>) instead of before it: the
    /// hash was a whole extra pass over the file, 1.7 s warm and 5.8 s from disk for a month of 2.56 GB of gzip.
    /// </summary>
    public static SourceFile Glance(string path) => Open(path, stream => (null, SampledId(stream)));

    /// <summary>The file's identity: <paramref name="identify"/> reads the stream as it needs (its position is reset after), then its kind is sniffed.</summary>
    private static SourceFile Open(string path, Func<FileStream, (string? Sha256, string FileId)> identify)
    {
        var full = System.IO.Path.GetFullPath(path);
        var written = File.GetLastWriteTimeUtc(full);
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        var (sha, id) = identify(stream);
        stream.Position = 0;
        return new SourceFile(full, stream.Length, sha, Sniff(stream), written, id);
    }

    private static string SampledId(FileStream stream)
    {
        using var sample = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> size = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(size, stream.Length);
        sample.AppendData("e-amazing sampled file id 1:"u8);
        sample.AppendData(size);
        var block = new byte[SampleBytes];
        sample.AppendData(block, 0, stream.ReadAtLeast(block, SampleBytes, throwOnEndOfStream: false));
        if (stream.Length > SampleBytes)
        {
            stream.Position = Math.Max(SampleBytes, stream.Length - SampleBytes);
            sample.AppendData(block, 0, stream.ReadAtLeast(block, SampleBytes, throwOnEndOfStream: false));
        }

        return Convert.ToHexStringLower(sample.GetHashAndReset())[..16];
    }

    /// <summary>Why the file's ingest cannot stand: its size, modification time or content changed while it was read; null when it did not.</summary>
    internal string? ChangedWhileRead(string? readSha256)
    {
        var now = new FileInfo(Path);
        if (!now.Exists)
        {
            return "the file was deleted while it was read; nothing ingested, ingest it again";
        }

        // A glanced file has no hash from before to compare: its size and modification time tell a change.
        var contentDiffers = Sha256 is not null && readSha256 is not null && readSha256 != Sha256;
        if (now.Length != SizeBytes || now.LastWriteTimeUtc != LastWriteUtc || contentDiffers)
        {
            return $"the file changed while it was read (size {SizeBytes:N0} -> {now.Length:N0} bytes, modified {LastWriteUtc:u} -> {now.LastWriteTimeUtc:u}"
                + (contentDiffers ? ", content differs" : "") + "); nothing ingested, ingest it again once it is complete";
        }

        return null;
    }

    // In 1 MiB blocks: SHA256.HashData(Stream) hashes 4 KiB at a time, and at that size the calls, not the hashing
    // (SHA extensions), were most of the time (measured on the 2.56 GB month file: 3.75 s against ~2 s in 1 MiB blocks).
    private static string Sha256Of(FileStream stream)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[1 << 20];
        int read;
        while ((read = stream.Read(block)) > 0)
        {
            sha.AppendData(block, 0, read);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Opens the decompressed content; <paramref name="expectedLength"/> is the gzip trailer's length (mod 2^32), when there is one.</summary>
    internal SourceStream Open(out uint? expectedLength)
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        expectedLength = null;
        if (Kind != SourceKind.GzipText)
        {
            return new SourceStream(null, file);
        }

        if (file.Length >= 18)
        {
            Span<byte> trailer = stackalloc byte[4];
            file.Position = file.Length - 4;
            file.ReadExactly(trailer);
            file.Position = 0;
            expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }
        else
        {
            expectedLength = uint.MaxValue; // too short to hold a trailer: certainly cut
        }

        return new SourceStream(hashed => new GZipStream(hashed, CompressionMode.Decompress), file);
    }

    /// <summary>
    /// Why a gzip file whose last trailer does not match the bytes read is damaged, or null when it is whole
    /// after all: several gzip members (each member's trailer counts its own bytes only). .NET's GZipStream
    /// reads every member and checks each trailer it finds, but ends silently on a missing trailer or on
    /// bytes that are not gzip, so a second pass, run only for such files, tells the three apart: the file
    /// followed by a sentinel member decompresses to its content plus the sentinel only when its last member ends.
    /// </summary>
    internal string? GzipEndProblem(long bytesRead, long lastLine)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var gzip = new GZipStream(new AppendedStream(file, GzipSentinel.Value), CompressionMode.Decompress);
        var block = new byte[1 << 16];
        var tail = new byte[EndMarker.Length];
        long total = 0;
        try
        {
            int n;
            while ((n = gzip.Read(block)) > 0)
            {
                total += n;
                // Keep the last bytes of the output: they are the sentinel's when every member ended.
                var keep = Math.Min(n, tail.Length);
                Array.Copy(tail, keep, tail, 0, tail.Length - keep);
                block.AsSpan(n - keep, keep).CopyTo(tail.AsSpan(tail.Length - keep));
            }
        }
        catch (InvalidDataException)
        {
            total = -1;
        }

        if (total == bytesRead + EndMarker.Length && tail.AsSpan().SequenceEqual(EndMarker))
        {
            return null;
        }

        return total == bytesRead
            ? $"trailing garbage: bytes that are not gzip follow the end of the gzip data (every row before them, up to line {lastLine:N0}, was read)"
            : $"the gzip stream ends early: {bytesRead:N0} bytes decompressed up to line {lastLine:N0}, its last member has no end (the file was cut)";
    }

    private static readonly byte[] EndMarker = "\ne-amazing end-of-input sentinel\n"u8.ToArray();

    private static readonly Lazy<byte[]> GzipSentinel = new(() =>
    {
        using var bytes = new MemoryStream();
        using (var gzip = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(EndMarker);
        }

        return bytes.ToArray();
    });

    /// <summary>A file followed by a few more bytes, read once (the second pass of <see cref="GzipEndProblem"/>).</summary>
    private sealed class AppendedStream(Stream first, byte[] then) : Stream
    {
        private int _thenRead;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = first.Read(buffer);
            if (n > 0 || buffer.IsEmpty)
            {
                return n;
            }

            n = Math.Min(buffer.Length, then.Length - _thenRead);
            then.AsSpan(_thenRead, n).CopyTo(buffer);
            _thenRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static SourceKind Sniff(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return SourceKind.Empty;
        }

        Span<byte> magic = stackalloc byte[2];
        var gzip = stream.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        stream.Position = 0;
        if (!gzip && stream.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            // Read as text it would be rows of junk; the name promises gzip, so the file is refused as it is.
            return SourceKind.NotGzip;
        }

        Stream content = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        var head = new byte[8192];
        int read;
        try
        {
            read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException)
        {
            return SourceKind.Binary;
        }
        finally
        {
            if (gzip)
            {
                content.Dispose();
            }

            stream.Position = 0;
        }

        if (read == 0)
        {
            return SourceKind.Empty;
        }

        // NUL bytes never occur in UTF-8 text; a CSV with them is a binary file under a .csv name.
        return head.AsSpan(0, read).Contains((byte)0) ? SourceKind.Binary : gzip ? SourceKind.GzipText : SourceKind.Text;
    }
}
