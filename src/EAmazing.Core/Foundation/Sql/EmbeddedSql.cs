using System.Reflection;

namespace EAmazing.Foundation.Sql;

/// <summary>
/// SQL files embedded in an assembly (one <c>*.sql</c> per table or step, readable on its own), loaded by name
/// and rendered by filling <c>{name}</c> placeholders with values the platform makes itself (ids, months, paths,
/// numbers), never with input data.
/// </summary>
/// <param name="assembly">The assembly holding the files.</param>
/// <param name="resourcePrefix">The resources' logical name before the file name, e.g. <c>EAmazing.Lake.Sql</c>.</param>
/// <param name="folder">The files' folder in the source tree, for the message when one is missing.</param>
public sealed class EmbeddedSql(Assembly assembly, string resourcePrefix, string folder)
{
    /// <summary>The text of <c>&lt;folder&gt;/&lt;name&gt;.sql</c>, as the file holds it.</summary>
    public string Load(string name)
    {
        using var stream = assembly.GetManifestResourceStream($"{resourcePrefix}.{name}.sql")
            ?? throw new InvalidOperationException($"missing embedded SQL {folder}/{name}.sql");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file with its placeholders filled, in the order given.</summary>
    public string Render(string name, IEnumerable<(string Key, string Value)> values) => Fill(Load(name), values);

    /// <summary>Replaces each <c>{key}</c> with its value, in the order given (a value may hold a later placeholder).</summary>
    public static string Fill(string sql, IEnumerable<(string Key, string Value)> values)
    {
        foreach (var (key, value) in values)
        {
            sql = sql.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return sql;
    }
}
