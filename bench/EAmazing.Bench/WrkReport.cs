using System.Globalization;
using System.Text.RegularExpressions;

namespace EAmazing.Bench;

/// <summary>
/// The figures of one <c>wrk --latency</c> run, read from its text output (wrk has no machine-readable format): requests,
/// rate, the 50th and 99th percentile latencies as wrk prints them, non-2xx answers and socket errors.
/// </summary>
public sealed partial record WrkReport(double Requests, double Rate, string P50, string P99, double Non2xx, long SocketErrors)
{
    public static WrkReport Parse(string output) => new(
        Number(RequestsLine().Match(output)),
        Number(RateLine().Match(output)),
        Latency(output, "50%"),
        Latency(output, "99%"),
        Number(Non2xxLine().Match(output)),
        Errors(output));

    private static string Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+(\S+)", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : "?";
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static long Errors(string output)
    {
        var match = SocketErrorsLine().Match(output);
        return match.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
