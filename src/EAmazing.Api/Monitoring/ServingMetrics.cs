using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using EAmazing.Api.Configuration;
using EAmazing.Api.Scoring;
using EAmazing.Monitoring.Drift;

namespace EAmazing.Api.Monitoring;

/// <summary>
/// The server's Prometheus metrics: requests and latency per endpoint, predictions per model version, the
/// score histogram, the champions served, and the latest drift report's PSI per column (from the lake).
/// </summary>
public sealed class ServingMetrics(ServingPaths paths)
{
    private static readonly double[] LatencyBounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly double[] ScoreBounds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    private readonly ConcurrentDictionary<(string Route, string Method, int Status), StrongBox<long>> _requests = new();
    private readonly ConcurrentDictionary<string, Histogram> _latency = new();
    private readonly ConcurrentDictionary<(string Model, int Version), StrongBox<long>> _predictions = new();
    private readonly ConcurrentDictionary<string, Histogram> _scores = new();

    public void ObserveRequest(string route, string method, int status, double seconds)
    {
        Interlocked.Increment(ref _requests.GetOrAdd((route, method, status), _ => new StrongBox<long>()).Value);
        _latency.GetOrAdd(route, _ => new Histogram(LatencyBounds)).Observe(seconds);
    }

    public void ObservePrediction(string model, int version, double score)
    {
        Interlocked.Increment(ref _predictions.GetOrAdd((model, version), _ => new StrongBox<long>()).Value);
        _scores.GetOrAdd(model, _ => new Histogram(ScoreBounds)).Observe(score);
    }

    public long Requests(string route, int status) =>
        _requests.Where(kv => kv.Key.Route == route && kv.Key.Status == status).Sum(kv => Interlocked.Read(ref kv.Value.Value));

    public string Render(ChampionModels champions, PredictionRecorder recorder)
    {
        var text = new StringBuilder();
        Header(text, "eamazing_http_requests_total", "counter", "HTTP requests by endpoint, method and status");
        foreach (var ((route, method, status), count) in _requests.OrderBy(kv => kv.Key.Route, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"eamazing_http_requests_total{{endpoint=\"{Escape(route)}\",method=\"{method}\",status=\"{status}\"}} {Interlocked.Read(ref count.Value)}\n");
        }

        Header(text, "eamazing_http_request_duration_seconds", "histogram", "HTTP request latency by endpoint");
        foreach (var (route, histogram) in _latency.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            histogram.Write(text, "eamazing_http_request_duration_seconds", $"endpoint=\"{Escape(route)}\"");
        }

        Header(text, "eamazing_predictions_total", "counter", "Predictions served by model version");
        foreach (var ((model, version), count) in _predictions.OrderBy(kv => kv.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"eamazing_predictions_total{{model=\"{model}\",version=\"{version}\"}} {Interlocked.Read(ref count.Value)}\n");
        }

        Header(text, "eamazing_prediction_score", "histogram", "Predicted purchase probability");
        foreach (var (model, histogram) in _scores.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            histogram.Write(text, "eamazing_prediction_score", $"model=\"{model}\"");
        }

        Header(text, "eamazing_predictions_dropped_total", "counter", "Predictions not recorded because the writer fell behind");
        text.Append(CultureInfo.InvariantCulture, $"eamazing_predictions_dropped_total {recorder.Dropped}\n");

        Header(text, "eamazing_champion_version", "gauge", "Version of the champion served per model (absent: none loaded)");
        var served = champions.All.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        foreach (var model in served)
        {
            text.Append(CultureInfo.InvariantCulture, $"eamazing_champion_version{{model=\"{model.Name}\"}} {model.Version}\n");
        }

        Header(text, "eamazing_model_retrain_due", "gauge", "1 when the served champion's card says retrain due (drift alert or erasure)");
        foreach (var model in served)
        {
            text.Append(CultureInfo.InvariantCulture, $"eamazing_model_retrain_due{{model=\"{model.Name}\"}} {(model.Card.RetrainReasons.Count > 0 ? 1 : 0)}\n");
        }

        var reports = champions.Names.Select(name => DriftReportWriter.ReadLatest(paths.Lake, name)).OfType<DriftReport>().ToList();
        Header(text, "eamazing_drift_psi", "gauge", "Population stability index of the latest drift report (eamazing monitor drift)");
        foreach (var report in reports)
        {
            foreach (var column in report.Columns.Where(c => !double.IsNaN(c.Psi)))
            {
                text.Append(CultureInfo.InvariantCulture, $"eamazing_drift_psi{{model=\"{report.Model}\",version=\"{report.Version}\",column=\"{Escape(column.Name)}\"}} {column.Psi}\n");
            }
        }

        Header(text, "eamazing_drift_level", "gauge", "Level of the latest drift report: 0 OK, 1 WARN, 2 ALERT");
        foreach (var report in reports)
        {
            text.Append(CultureInfo.InvariantCulture, $"eamazing_drift_level{{model=\"{report.Model}\",version=\"{report.Version}\"}} {(int)report.Level}\n");
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
