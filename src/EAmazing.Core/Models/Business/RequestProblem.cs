namespace EAmazing.Models.Business;

/// <summary>
/// Why a request cannot be scored, naming the JSON field at fault (<c>cart.price</c>, <c>session[3].type</c>).
/// The message never quotes the offending value: a raw id must not travel into logs or responses.
/// </summary>
public sealed record RequestProblem(string Field, string Message);
