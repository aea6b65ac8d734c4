using EAmazing.Api.Dashboard.Data;
using EAmazing.Api.Dashboard.Security;
using Microsoft.AspNetCore.StaticFiles;

namespace EAmazing.Api.Dashboard;

/// <summary>
/// Each registered version's training report (<c>&lt;models&gt;/NAME/VERSION/report/</c>: its HTML and plots), served to a
/// signed-in reader at <c>/reports/NAME/VERSION/</c>. Only versions the registry knows, only files inside their report folder.
/// </summary>
public static class TrainingReports
{
    public static string Url(string name, int version) => $"/reports/{Uri.EscapeDataString(name)}/{version}/index.html";

    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IEndpointRouteBuilder MapTrainingReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{name}/{version:int}/{**file}", async (string name, int version, string? file, DashboardData data) =>
            {
                var models = await data.ModelsAsync();
                if (models.Card(name, version) is null)
                {
                    return Results.NotFound();
                }

                var folder = Path.GetFullPath(Path.Combine(data.Registry.VersionFolder(name, version), "report"));
                var path = Path.GetFullPath(Path.Combine(folder, string.IsNullOrEmpty(file) ? "index.html" : file));
                if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
                {
                    return Results.NotFound();
                }

                return Results.File(path, Types.TryGetContentType(path, out var type) ? type : "application/octet-stream");
            })
            .ExcludeFromDescription()
            .RequireAuthorization(DashboardSession.ReaderPolicy);
        return app;
    }
}
