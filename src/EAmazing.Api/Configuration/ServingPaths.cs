using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Configuration;

/// <summary>The folders and files the server uses, resolved once from the platform and serving options.</summary>
public sealed class ServingPaths(IOptions<PlatformOptions> platform, IOptions<ServingOptions> serving)
{
    public string Lake { get; } = Path.GetFullPath(platform.Value.Lake);

    public string Models { get; } = Path.GetFullPath(platform.Value.Models);

    public string ApiKeys { get; } = Path.GetFullPath(serving.Value.ApiKeysFile ?? Security.ApiKeyStore.DefaultFilePath);

    public string AuditLog { get; } = Path.GetFullPath(serving.Value.AuditLog ?? EAmazing.Governance.Audit.AuditTrail.ForLake(platform.Value.Lake).Path);
}
