using System.Net;
using System.Net.Sockets;

namespace EAmazing.Bench;

/// <summary>Where the benchmarks that start the real server find it and a port for it.</summary>
public static class Loopback
{
    /// <summary>A port free on 127.0.0.1 now (the server binds it a moment later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository root (the folder holding EAmazing.slnx) above the bench binary, else the current folder.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EAmazing.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
