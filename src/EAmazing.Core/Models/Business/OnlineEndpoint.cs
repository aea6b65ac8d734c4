namespace EAmazing.Models.Business;

/// <summary>
/// How a business model is called online: its route under <c>/v1</c>, the OpenAPI operation, and the request and
/// response types the document describes (serialised in snake_case).
/// </summary>
/// <param name="Route">Path under <c>/v1</c>, starting with <c>/</c>.</param>
/// <param name="OperationName">The OpenAPI operation id, stable for generated clients.</param>
/// <param name="Example">A request body that scores, for hints and documentation (JSON; may span lines).</param>
public sealed record OnlineEndpoint(
    string Route,
    string OperationName,
    string Summary,
    string Description,
    Type RequestType,
    Type ResponseType,
    string Example);
