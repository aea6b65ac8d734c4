using EAmazing.BusinessModels;
using EAmazing.Models.Registry;

namespace EAmazing.Api.Dashboard.Data;

/// <summary>Every business model of the catalog with the versions of each of its registry names (what <c>eamazing models list</c> shows).</summary>
public sealed record ModelsSnapshot(string Registry, IReadOnlyList<BusinessModelVersions> Models)
{
    public static ModelsSnapshot Read(BusinessModelCatalog catalog, ModelRegistry registry) => new(registry.Root,
        [.. catalog.All.Select(m => new BusinessModelVersions(m, [.. m.RegistryNames.Select(name => new RegistryVersions(name, registry.Versions(name)))]))]);

    public BusinessModelVersions? Find(string businessModel) => Models.FirstOrDefault(m => m.Model.Name == businessModel);

    public ModelCard? Card(string registryName, int version) =>
        Models.SelectMany(m => m.Registered).FirstOrDefault(r => r.Name == registryName)?.Versions.FirstOrDefault(c => c.Version == version);

    /// <summary>Champions flagged "retrain due" (drift alarm, erasure of a person it learnt from).</summary>
    public IEnumerable<ModelCard> RetrainDue => Models.SelectMany(m => m.Registered).Select(r => r.Champion).OfType<ModelCard>().Where(c => c.RetrainReasons.Count > 0);
}

public sealed record BusinessModelVersions(EAmazing.Models.Business.IBusinessModel Model, IReadOnlyList<RegistryVersions> Registered)
{
    public bool Trained => Registered.Any(r => r.Versions.Count > 0);
}

/// <summary>One registry name's versions, newest first in <see cref="Newest"/>.</summary>
public sealed record RegistryVersions(string Name, IReadOnlyList<ModelCard> Versions)
{
    public ModelCard? Champion => Versions.FirstOrDefault(c => c.Status == ModelStatus.Champion);

    public IEnumerable<ModelCard> Newest => Versions.OrderByDescending(c => c.Version);
}
