using EAmazing.Api.Dashboard.Data;
using EAmazing.Api.Dashboard.Security;
using EAmazing.Api.Security;
using EAmazing.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Dashboard;

/// <summary>
/// The business dashboard served by <c>eamazing serve</c>: server-rendered Razor Pages (overview, models, one page per
/// business model of the catalog, privacy) behind a sign-in with an API key, its assets embedded in this assembly.
/// </summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddSingleton<DashboardData>();
        services.AddHostedService<DashboardWarmup>();

        // Session cookies and anti-forgery tokens are signed with keys kept outside the lake, readable by the owner only.
        services.AddDataProtection().SetApplicationName("eamazing-dashboard");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DashboardOptions>, ILoggerFactory>((keys, dashboard, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(OwnerOnlyFolder(dashboard.Value.KeysFolderOrDefault), logs));

        new AuthenticationBuilder(services).AddCookie(DashboardSession.Scheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(DashboardSession.Scheme).Configure<IOptions<DashboardOptions>>((cookie, dashboard) =>
        {
            cookie.Cookie.Name = DashboardSession.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(dashboard.Value.SessionMinutes);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = DashboardSession.SignInPath;
            cookie.AccessDeniedPath = "/forbidden";
            cookie.Events.OnValidatePrincipal = DashboardSession.ValidateAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardSession.ReaderPolicy, p => p.AddAuthenticationSchemes(DashboardSession.Scheme).RequireRole(ApiRoles.Reader, ApiRoles.Admin))
            .AddPolicy(DashboardSession.AdminPolicy, p => p.AddAuthenticationSchemes(DashboardSession.Scheme).RequireRole(ApiRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "eamazing-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Dashboard/Pages";
            pages.Conventions.AuthorizeFolder("/", DashboardSession.ReaderPolicy);
            pages.Conventions.AuthorizeFolder("/Admin", DashboardSession.AdminPolicy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Forbidden");
        })
        // The pages are compiled into this assembly; the host's entry assembly is the CLI's, which holds none.
        .AddApplicationPart(typeof(DashboardExtensions).Assembly);
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapDashboardAssets();
        app.MapTrainingReports();
        app.MapRazorPages();
        return app;
    }

    private static DirectoryInfo OwnerOnlyFolder(string path)
    {
        var folder = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
