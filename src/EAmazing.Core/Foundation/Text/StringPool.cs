namespace EAmazing.Foundation.Text;

/// <summary>
/// One string instance per distinct value, for columns read row by row that repeat their values (a user per snapshot, a
/// brand per user): millions of rows then hold references to thousands of strings instead of a copy each. Not
/// <see cref="string.Intern"/>, whose pool lives as long as the process.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    /// <summary>The pool's instance equal to <paramref name="value"/> (<paramref name="value"/> itself the first time).</summary>
    public string Get(string value)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_values, value, out var exists);
        if (!exists)
        {
            slot = value;
        }

        return slot!;
    }
}
