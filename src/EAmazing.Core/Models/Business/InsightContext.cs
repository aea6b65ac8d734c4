using EAmazing.Lake;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>What insights may read: a scratch database over the lake's files, the lake's layout, the registry and k.</summary>
public sealed record InsightContext(IScratchDatabase Scratch, LakeLayout Lake, ModelRegistry Registry, int MinGroupSize);
