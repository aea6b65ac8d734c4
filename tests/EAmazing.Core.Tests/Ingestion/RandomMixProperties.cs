using System.Globalization;
using System.Text;
using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;
using FsCheck;
using FsCheck.Xunit;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>Random mixes of good, duplicate and bad rows: the accounting always balances and no raw id reaches the lake.</summary>
public sealed class RandomMixProperties
{
    // Each kind of row a mix can hold: good ones first, then one defect per field.
    private static readonly Func<Random, RowSpec, string>[] Kinds =
    [
        (_, r) => r.Line(),
        (_, r) => r.Line(),
        (_, r) => r.Line(),
        (_, r) => r.Line(session: ""),
        (_, r) => r.Line(time: "2019-13-01 00:00:00 UTC"),
        (_, r) => r.Line(type: "click"),
        (_, r) => r.Line(price: "-1.00"),
        (_, r) => r.Line(price: "abc"),
        (_, r) => r.Line(product: "12a"),
        (_, r) => r.Line(user: r.User + "x"),
        (_, r) => r.Line(user: r.User + "99999999999"),
        (_, r) => r.Line(session: "s-" + r.User),
        (_, r) => r.Line(brand: "bad\u0001brand"),
        (_, r) => r.Line() + ",extra," + r.User,
        (_, r) => r.Line()[..r.Line().LastIndexOf(',')],
    ];

    private const int GoodKinds = 4;

    [Property(MaxTest = 15)]
    public void Accounting_balances_and_no_raw_id_reaches_any_lake_file(int[] mix, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var lines = new List<string> { Rows.Header };
        var rawIds = new HashSet<string>();
        var goodLines = new List<string>();
        long expectedQuarantined = 0, expectedDuplicates = 0;
        var second = 0;
        foreach (var m in mix.Take(300))
        {
            var kind = (int)((uint)m % (Kinds.Length + 1));
            if (kind == Kinds.Length)
            {
                if (goodLines.Count == 0)
                {
                    continue;
                }

                lines.Add(goodLines[random.Next(goodLines.Count)]); // an exact duplicate
                expectedDuplicates++;
                continue;
            }

            var spec = RowSpec.Random(random, second++);
            rawIds.Add(spec.User);
            rawIds.Add(spec.Session);
            var line = Kinds[kind](random, spec);
            lines.Add(line);
            if (kind < GoodKinds)
            {
                goodLines.Add(line);
            }
            else
            {
                expectedQuarantined++;
            }
        }

        using var lake = new TestLake();
        var outcome = lake.IngestLines("mix.csv", lines);

        var rows = outcome.File.Rows;
        Assert.True(rows.IsBalanced);
        Assert.Equal(lines.Count - 1, rows.Read);
        Assert.Equal(expectedQuarantined, rows.Quarantined);
        Assert.Equal(expectedDuplicates, rows.Duplicates);
        Assert.Equal(rows.Accepted + rows.Duplicates, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(rows.Quarantined, lake.Count("SELECT count(*) FROM quarantine"));
        Assert.Equal(rows.Accepted, lake.Count("SELECT count(*) FROM silver"));
        AssertNoRawIds(lake, rawIds);
        Assert.DoesNotContain(rawIds, id => outcome.Message.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(rawIds, id => lake.Query("SELECT message FROM quarantine").Rows.Any(r => ((string)r[0]!).Contains(id, StringComparison.Ordinal)));
    }

    private static void AssertNoRawIds(TestLake lake, HashSet<string> rawIds)
    {
        // Read back: every value of every column of every Parquet file.
        foreach (var file in Directory.EnumerateFiles(lake.Root, "*.parquet", SearchOption.AllDirectories))
        {
            foreach (var row in lake.Query($"SELECT * FROM read_parquet('{file}')").Rows)
            {
                foreach (var value in row)
                {
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    Assert.DoesNotContain(rawIds, id => text.Contains(id, StringComparison.OrdinalIgnoreCase));
                }
            }
        }

        // Scan bytes: every file of the lake, the catalog included.
        foreach (var file in Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".wal", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var id in rawIds)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(id)) < 0, $"raw id found in {Path.GetFileName(file)}");
            }
        }
    }

    /// <summary>One row's values; ids from ranges that never collide with other fields.</summary>
    private sealed record RowSpec(int Second, string User, string Session)
    {
        public static RowSpec Random(Random random, int second) =>
            new(second, "9" + random.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture), new Guid(random.GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], 16)).ToString("D"));

        public string Line(string? time = null, string type = "view", string product = "1004237", string price = "489.07", string brand = "apple", string? user = null, string? session = null) =>
            string.Join(',',
                time ?? new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Second).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
                type, product, "2053013555631882655", "electronics.smartphone", brand, price, user ?? User, session ?? Session);
    }
}
