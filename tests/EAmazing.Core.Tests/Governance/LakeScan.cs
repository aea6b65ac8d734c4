using System.Globalization;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Governance;

/// <summary>Looks for pseudonyms everywhere in a lake: every VARCHAR column of every Parquet file, every catalog table, every other text file.</summary>
public static class LakeScan
{
    /// <summary>"where: count" for each place that still holds any of <paramref name="pseudonyms"/>; empty when none does.</summary>
    public static IReadOnlyList<string> Occurrences(TestLake lake, IReadOnlyCollection<string> pseudonyms)
    {
        var found = new List<string>();
        if (pseudonyms.Count == 0)
        {
            return found;
        }

        var pattern = string.Join('|', pseudonyms); // hex digits only: safe as a regular expression
        foreach (var file in Directory.EnumerateFiles(lake.Root, "*.parquet", SearchOption.AllDirectories))
        {
            var source = $"read_parquet('{file}', hive_partitioning = false)";
            var columns = lake.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM {source}) WHERE column_type = 'VARCHAR'").Rows.Select(r => (string)r[0]!).ToList();
            foreach (var column in columns)
            {
                var hits = lake.Count($"SELECT count(*) FROM {source} WHERE regexp_matches(\"{column}\", '{pattern}')");
                if (hits > 0)
                {
                    found.Add($"{Path.GetRelativePath(lake.Root, file)}.{column}: {hits}");
                }
            }
        }

        var catalogColumns = lake.Query("""
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
            WHERE t.table_type = 'BASE TABLE' AND c.data_type = 'VARCHAR'
            """).Rows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        foreach (var (table, column) in catalogColumns)
        {
            var hits = lake.Count($"SELECT count(*) FROM \"{table}\" WHERE regexp_matches(\"{column}\", '{pattern}')");
            if (hits > 0)
            {
                found.Add($"catalog {table}.{column}: {hits}");
            }
        }

        foreach (var file in Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var hits = pseudonyms.Count(p => text.Contains(p, StringComparison.Ordinal));
            if (hits > 0)
            {
                found.Add($"{Path.GetRelativePath(lake.Root, file)}: {hits.ToString(CultureInfo.InvariantCulture)} pseudonym(s)");
            }
        }

        return found;
    }
}
