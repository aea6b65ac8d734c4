using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EAmazing.Api.Security;

/// <summary>
/// Declares the API-key scheme in the OpenAPI document (<c>Authorization: Bearer eak_…</c>, or the <c>X-Api-Key</c>
/// header) and requires it on every operation, so clients and the interactive page know how to authenticate.
/// </summary>
public sealed class ApiKeyOpenApiTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "ApiKey";
    public const string HeaderScheme = "X-Api-Key";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "eak_<id>_<secret>",
            Description = "An API key from `./eamazing api-key create --role reader|admin`, as `Authorization: Bearer eak_…`.",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = HeaderScheme,
            Description = "The same API key in the `X-Api-Key` header.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
