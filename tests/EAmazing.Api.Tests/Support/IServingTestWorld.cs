using EAmazing.Api.Security;
using EAmazing.Privacy;

namespace EAmazing.Api.Tests.Support;

/// <summary>What <see cref="ServingFactory"/> points the server at: a lake, a registry, an API key file with a reader and an admin key, and the lake's pseudonym key.</summary>
public interface IServingTestWorld
{
    string Root { get; }

    string Lake { get; }

    string Models { get; }

    string ApiKeysFile { get; }

    PseudonymKey Key { get; }

    CreatedApiKey ReaderKey { get; }

    CreatedApiKey AdminKey { get; }
}
