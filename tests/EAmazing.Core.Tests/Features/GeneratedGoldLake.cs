using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Features;

/// <summary>The tiny generated world (Oct and Nov 2019) ingested and built into gold once, shared by a test class.</summary>
public sealed class GeneratedGoldLake : IDisposable
{
    public GoldLake Gold { get; } = new(TinyWorld.Files);

    public void Dispose() => Gold.Dispose();
}
