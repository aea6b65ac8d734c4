using System.Text;
using EAmazing.Sources.Rees46;

namespace EAmazing.Core.Tests.Support;

/// <summary>Rewrites REES46 files for tests: keep the rows before a cutoff, or change what happens after it.</summary>
public static class EventFiles
{
    public static IReadOnlyList<string> Lines(string path)
    {
        using var reader = Rees46FileReader.OpenText(path);
        var lines = new List<string>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The row's event time as text ("yyyy-MM-dd HH:mm:ss"), which sorts like the time.</summary>
    public static string Time(string line) => line[..19];

    public static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Write(string path, IEnumerable<string> lines)
    {
        var text = new StringBuilder(Rees46Format.Header).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>The same row with other fields: 1 event_type, 6 price (index into the comma-separated fields; no quoted commas in these files).</summary>
    public static string WithField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    public static string WithTime(string line, DateTime time) => Stamp(time) + line[19..];
}
