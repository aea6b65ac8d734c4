using System.Reflection;

namespace EAmazing.Api.Dashboard;

/// <summary>
/// The dashboard's script, style and chart library (Apache ECharts from npm, embedded at build time): served by the
/// app itself under <c>/dashboard-assets/</c>, so it works on machines with no internet.
/// </summary>
public static class DashboardAssets
{
    public const string Path = "/dashboard-assets";

    private static readonly Dictionary<string, (string Type, byte[] Bytes)> Files = Load();

    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{file}", (string file, HttpContext context) =>
            {
                if (!Files.TryGetValue(file, out var asset))
                {
                    return Results.NotFound();
                }

                context.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(asset.Bytes, asset.Type);
            })
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    private static Dictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("dashboard/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var file = name["dashboard/".Length..];
            files[file] = (file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", memory.ToArray());
        }

        return files;
    }
}
