using System.Runtime.InteropServices;
using System.Text;

namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// The network's weights as one binary file: the ASCII tag "EAGRU4RC", a format version, item count, embedding and
/// hidden sizes (little-endian int32), then each weight array as little-endian float32 in the order of
/// <see cref="Gru4RecNetwork"/>'s properties. Binary because a demo-scale model holds millions of weights.
/// </summary>
public static class Gru4RecModelFile
{
    private const int Version = 1;
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("EAGRU4RC");

    public static void Write(Gru4RecNetwork network, Stream stream)
    {
        RequireLittleEndian();
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Tag);
        writer.Write(Version);
        writer.Write(network.ItemCount);
        writer.Write(network.EmbeddingSize);
        writer.Write(network.HiddenSize);
        foreach (var array in Arrays(network))
        {
            writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }

        writer.Flush();
    }

    /// <summary>Throws <see cref="InvalidDataException"/> for a file that is not a GRU4Rec model, of another version, or cut short.</summary>
    public static Gru4RecNetwork Read(Stream stream)
    {
        RequireLittleEndian();
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var tag = reader.ReadBytes(Tag.Length);
        if (!tag.AsSpan().SequenceEqual(Tag))
        {
            throw new InvalidDataException("Not a GRU4Rec model file (its first bytes are not \"EAGRU4RC\").");
        }

        try
        {
            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"GRU4Rec model file version {version}; this build reads version {Version}.");
            }

            var items = reader.ReadInt32();
            var embedding = reader.ReadInt32();
            var hidden = reader.ReadInt32();
            if (items < 1 || embedding < 1 || hidden < 1)
            {
                throw new InvalidDataException($"GRU4Rec model file has impossible sizes: {items} items, embedding {embedding}, hidden {hidden}.");
            }

            var network = new Gru4RecNetwork(items, embedding, hidden, seed: 0);
            foreach (var array in Arrays(network))
            {
                var bytes = MemoryMarshal.AsBytes(array.AsSpan());
                if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
                {
                    throw new InvalidDataException("GRU4Rec model file ends before its weights do (cut short).");
                }
            }

            return network;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("GRU4Rec model file ends inside its header (cut short).", e);
        }
    }

    private static float[][] Arrays(Gru4RecNetwork network) =>
        [network.InputEmbedding, network.InputWeights, network.RecurrentWeights, network.GateBias, network.OutputEmbedding, network.OutputBias];

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The GRU4Rec model file is little-endian; this machine is not.");
        }
    }
}
