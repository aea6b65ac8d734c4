using System.Diagnostics;
using System.Globalization;

namespace EAmazing.Bench;

/// <summary>What one measured child process cost: wall and CPU time, peak memory, bytes read and written.</summary>
/// <param name="ReadBytes">Bytes the process read through system calls (<c>rchar</c>: files, pipes; page-cache hits included).</param>
/// <param name="WrittenBytes">Bytes the process wrote through system calls (<c>wchar</c>).</param>
public sealed record StageMeasurement(double Seconds, double CpuSeconds, long PeakBytes, long ReadBytes, long WrittenBytes, int ExitCode, string OutputTail);

/// <summary>
/// Runs a child process and samples its <c>/proc</c> entries while it runs (an exited process can no longer be
/// asked): the high-water mark of its resident memory (<c>VmHWM</c>), its CPU time and its I/O counters. The
/// last samples are at most one interval old when the process exits. Output goes to a log file, whose tail is kept.
/// </summary>
public static class MeasuredProcess
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static StageMeasurement Run(string program, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string logFile)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A null value removes the variable from the child's environment.
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        using var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var tail = new Queue<string>();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                log.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0, read = 0, written = 0;
        var cpu = TimeSpan.Zero;
        while (!process.WaitForExit(Interval))
        {
            peak = Math.Max(peak, PeakBytesOf(process.Id));
            (read, written) = Io(process.Id, read, written);
            try
            {
                process.Refresh();
                cpu = process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // exited between the wait and the read
            }
        }

        process.WaitForExit();
        lock (tail)
        {
            return new StageMeasurement(clock.Elapsed.TotalSeconds, cpu.TotalSeconds, peak, read, written, process.ExitCode, string.Join('\n', tail));
        }
    }

    /// <summary>The high-water mark of a running process's resident memory (0 once it has exited).</summary>
    public static long PeakBytesOf(int processId) => StatusField(processId, "VmHWM:") * 1024;

    private static long StatusField(int processId, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            // "VmHWM:\t  123456 kB", but "VmHWM:\t12345678 kB" once the figure fills its column (≥ 10 GB): split on any whitespace.
            return line is null ? 0 : long.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static (long Read, long Written) Io(int processId, long read, long written)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/io"))
            {
                var parts = line.Split(':', StringSplitOptions.TrimEntries);
                if (parts[0] == "rchar")
                {
                    read = long.Parse(parts[1], CultureInfo.InvariantCulture);
                }
                else if (parts[0] == "wchar")
                {
                    written = long.Parse(parts[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the process is gone: keep the last sample
        }

        return (read, written);
    }
}
