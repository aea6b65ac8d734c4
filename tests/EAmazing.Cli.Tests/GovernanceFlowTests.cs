using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using EAmazing.Governance.Audit;

namespace EAmazing.Cli.Tests;

/// <summary>
/// A full run as separate processes (generate → ingest → features → sql → reports → register → retention → audit),
/// with a known pseudonym key: no raw user id of the input and not the key appear in any output, log, audit entry
/// or text file of the lake; every command that touched personal data left an audit entry; the chain verifies.
/// </summary>
public sealed partial class GovernanceFlowTests : CliTestFolder
{

    [Fact]
    public void A_full_run_never_shows_a_raw_user_id_or_the_key_and_audits_every_access()
    {
        var cli = new CliProcess(Root);
        var data = Path.Combine(Root, "data");
        var lake = Path.Combine(Root, "lake");
        var register = Path.Combine(Root, "register.md");
        var query = "SELECT user_id, count(*) AS events FROM silver GROUP BY ALL ORDER BY events DESC LIMIT 5";
        var export = Path.Combine(Root, "subject-access.json");
        var generated = new CliProcess(Root).Run(["generate", "--scale", "tiny", "--months", "2019-10..2019-11", "--out", data]);
        Assert.True(generated.ExitCode == 0, generated.Output);
        var person = NovemberUser(data);
        string[][] steps =
        [
            ["ingest", data, "--lake", lake],
            ["lake", "status", "--lake", lake],
            ["features", "build", "--lake", lake],
            ["sql", query, "--lake", lake],
            ["sql", "SELECT * FROM quarantine LIMIT 5", "--csv", "--lake", lake],
            ["report", "segments", "--lake", lake],
            ["report", "demand", "--csv", "--lake", lake],
            ["gdpr", "register", "--out", register, "--lake", lake],
            ["gdpr", "retention", "apply", "--keep-months", "1", "--as-of", "2019-11", "--dry-run", "--lake", lake],
            ["gdpr", "retention", "apply", "--keep-months", "1", "--as-of", "2019-11", "--yes", "--lake", lake],
            ["gdpr", "export", "--user", person, "--out", export, "--lake", lake],
            ["gdpr", "erase", "--user", person, "--lake", lake],
            ["gdpr", "key", "status", "--lake", lake],
            ["lake", "verify", "--lake", lake],
            ["gdpr", "audit", "verify", "--lake", lake],
            ["gdpr", "audit", "show", "--lake", lake],
        ];
        var outputs = new StringBuilder();
        foreach (var step in steps)
        {
            var (code, output) = cli.Run(step);
            Assert.True(code == 0, $"{string.Join(' ', step)} exited {code}: {output}");
            outputs.AppendLine(output);
        }

        var rawIds = RawUserIds(data);
        var texts = TextFilesUnder(lake).Append(register).Select(f => (Name: f, Text: File.ReadAllText(f))).Append((Name: "console output", Text: outputs.ToString())).ToList();
        Assert.True(rawIds.Count > 100, $"only {rawIds.Count} user ids read from the input");
        // Positive control: the same scan does find raw ids in the input itself.
        using (var input = new StreamReader(new GZipStream(File.OpenRead(Directory.GetFiles(data, "*.csv.gz")[0]), CompressionMode.Decompress)))
        {
            Assert.Contains(Digits().Matches(input.ReadLine() + input.ReadLine()).Select(m => m.Value), rawIds.Contains);
        }

        Assert.Contains(texts, t => t.Name.EndsWith("audit.jsonl", StringComparison.Ordinal));
        foreach (var (name, text) in texts)
        {
            var leaked = Digits().Matches(text).Select(m => m.Value).Where(rawIds.Contains).Take(3).ToList();
            Assert.True(leaked.Count == 0, $"{name} holds raw user ids: {string.Join(", ", leaked)}");
            Assert.DoesNotContain(CliProcess.TestKey, text, StringComparison.OrdinalIgnoreCase);
        }

        var trail = AuditTrail.ForLake(lake);
        var entries = trail.Read();
        Assert.True(trail.Verify().Intact);
        Assert.Equal(2, entries.Count(e => e.Action == "ingest" && e.Target!.StartsWith("file ", StringComparison.Ordinal)));
        Assert.Single(entries, e => e.Action == "features build");
        Assert.Single(entries, e => e.Action == "sql" && e.Target == "silver" && e.Detail!.StartsWith("query sha256:", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Action == "sql" && e.Target == "quarantine");
        Assert.Single(entries, e => e.Action == "report segments");
        Assert.Single(entries, e => e.Action == "report demand");
        Assert.Single(entries, e => e.Action == "gdpr.retention");
        Assert.Single(entries, e => e.Action == "gdpr.export");
        Assert.Single(entries, e => e.Action == "gdpr.erase");
        Assert.Contains(person, File.ReadAllText(export), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.StartsWith("os:", e.Actor, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The user of the first November row: retention keeps November, so the person is still held.</summary>
    private static string NovemberUser(string folder)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Directory.GetFiles(folder, "2019-Nov.csv.gz").Single()), CompressionMode.Decompress));
        reader.ReadLine();
        return reader.ReadLine()!.Split(',')[7];
    }

    /// <summary>Every distinct user_id (8th column) of the generated input files.</summary>
    private static HashSet<string> RawUserIds(string folder)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv.gz"))
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                if (fields.Length == 9 && fields[7].Length > 0 && fields[7].All(char.IsAsciiDigit))
                {
                    ids.Add(fields[7]);
                }
            }
        }

        return ids;
    }

    /// <summary>Files under the lake without a NUL byte in their first 8 KiB: logs, audit trail, journals, reports.</summary>
    private static IEnumerable<string> TextFilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f =>
        {
            using var stream = File.OpenRead(f);
            var head = new byte[8192];
            var read = stream.Read(head);
            return !head.AsSpan(0, read).Contains((byte)0);
        }).ToList();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
