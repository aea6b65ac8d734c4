using EAmazing.Api.Dashboard.Security;
using EAmazing.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EAmazing.Api.Dashboard.Pages;

/// <summary>Sign-in with an API key: the key is verified like the API's, then a session cookie holds its id and role.</summary>
public sealed class SignInModel(ApiKeyStore keys, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var record = string.IsNullOrWhiteSpace(key) ? null : keys.Verify(key.Trim());
        if (record is null)
        {
            audit.Append(new AuditEntry(null, "dashboard sign-in", StatusCodes.Status401Unauthorized));
            Problem = "Unknown or revoked API key.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(DashboardSession.Scheme, DashboardSession.Principal(record));
        audit.Append(new AuditEntry(record.Id, "dashboard sign-in", StatusCodes.Status200OK));
        // Only a path of this site: a sign-in link must not send anyone elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
