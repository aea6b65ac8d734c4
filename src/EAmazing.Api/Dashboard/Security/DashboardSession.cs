using System.Security.Claims;
using EAmazing.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EAmazing.Api.Dashboard.Security;

/// <summary>
/// A person's dashboard session: after sign-in with an API key, an HttpOnly, SameSite=Strict cookie carries the key's id
/// and role (never the key). Every visit checks the key is still active, so a revoked key sends its sessions back to sign-in.
/// </summary>
public static class DashboardSession
{
    public const string Scheme = "Dashboard";
    public const string CookieName = "eamazing-session";

    /// <summary>Pages need a session of a reader or an admin; admin actions an admin's.</summary>
    public const string ReaderPolicy = "dashboard-reader";
    public const string AdminPolicy = "dashboard-admin";

    public const string SignInPath = "/signin";

    public static ClaimsPrincipal Principal(ApiKeyRecord key) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, key.Id), new Claim(ClaimTypes.Role, key.Role), new Claim("key_name", key.Name)], Scheme));

    /// <summary>Rejects a session whose key was revoked (or whose role changed) since sign-in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        var id = context.Principal?.Identity?.Name;
        var key = id is null ? null : store.FindActive(id);
        if (key is null || !context.Principal!.IsInRole(key.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
