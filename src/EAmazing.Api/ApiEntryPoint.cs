namespace EAmazing.Api;

/// <summary>
/// Names this assembly for <c>WebApplicationFactory&lt;ApiEntryPoint&gt;</c>, which then runs its Program.cs. (A CLI
/// that references the API has its own <c>Program</c>, so tests cannot name that type unambiguously.)
/// </summary>
public sealed class ApiEntryPoint;
