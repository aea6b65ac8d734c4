using System.Text.Json;
using EAmazing.Api.Configuration;
using EAmazing.Monitoring.Predictions;

namespace EAmazing.Api.Security;

/// <summary>Append-only audit log of calls touching personal data, one JSON line per call.</summary>
public sealed class AuditLog(ServingPaths paths) : IDisposable
{
    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    public string Path => paths.AuditLog;

    public void Append(AuditEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, PredictionLog.Json);
        lock (_gate)
        {
            if (_writer is null)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
            }

            // Flushed per entry: an audit line must survive a crash right after the call.
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
