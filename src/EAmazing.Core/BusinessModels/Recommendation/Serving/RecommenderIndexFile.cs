using System.IO.Compression;
using System.Text;

namespace EAmazing.BusinessModels.Recommendation.Serving;

/// <summary>
/// What the server needs to answer for a registered recommender without the lake (<c>recommender.index</c>, gzip): the
/// item vocabulary (product id, category id, training events; popularity order) and the training sequences the method
/// was fitted on (items, times, event types; no user or session id), from which the server refits the method at load.
/// Format: "EARECIDX", version, item count, per item (int64 product, int64 category, int32 events), session count, per
/// session (int32 length, int32 items, int64 times, byte types); little-endian.
/// </summary>
public static class RecommenderIndexFile
{
    public const string FileName = "recommender.index";

    private const int Version = 1;
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("EARECIDX");

    public static void Write(string path, RecommenderIndex index)
    {
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new BinaryWriter(zip, Encoding.UTF8);
        writer.Write(Tag);
        writer.Write(Version);
        writer.Write(index.ProductIds.Length);
        for (var i = 0; i < index.ProductIds.Length; i++)
        {
            writer.Write(index.ProductIds[i]);
            writer.Write(index.CategoryIds[i]);
            writer.Write(index.Counts[i]);
        }

        writer.Write(index.Sessions.Count);
        foreach (var session in index.Sessions)
        {
            writer.Write(session.Length);
            foreach (var item in session.Items)
            {
                writer.Write(item);
            }

            foreach (var time in session.UnixSeconds)
            {
                writer.Write(time);
            }

            writer.Write(session.EventTypes);
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> for a file that is not an index, of another version, or cut short.</summary>
    public static RecommenderIndex Read(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var zip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(zip, Encoding.UTF8);
            if (!reader.ReadBytes(Tag.Length).AsSpan().SequenceEqual(Tag) || reader.ReadInt32() != Version)
            {
                throw new InvalidDataException($"{path} is not a version {Version} recommender index");
            }

            var items = reader.ReadInt32();
            var products = new long[items];
            var categories = new long[items];
            var counts = new int[items];
            for (var i = 0; i < items; i++)
            {
                products[i] = reader.ReadInt64();
                categories[i] = reader.ReadInt64();
                counts[i] = reader.ReadInt32();
            }

            var sessions = new SessionSequence[reader.ReadInt32()];
            for (var s = 0; s < sessions.Length; s++)
            {
                var length = reader.ReadInt32();
                var sequence = new SessionSequence(new int[length], new long[length], new byte[length]);
                for (var i = 0; i < length; i++)
                {
                    sequence.Items[i] = reader.ReadInt32();
                    if ((uint)sequence.Items[i] >= (uint)items)
                    {
                        throw new InvalidDataException($"{path}: session {s} holds item {sequence.Items[i]}, outside its {items} items");
                    }
                }

                for (var i = 0; i < length; i++)
                {
                    sequence.UnixSeconds[i] = reader.ReadInt64();
                }

                // ReadBytes loops over short reads (a gzip stream returns what it has decompressed so far).
                var types = reader.ReadBytes(length);
                if (types.Length < length)
                {
                    throw new EndOfStreamException();
                }

                types.CopyTo(sequence.EventTypes, 0);

                sessions[s] = sequence;
            }

            return new RecommenderIndex(products, categories, counts, sessions);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} ends before its index does (cut short)", e);
        }
    }
}
