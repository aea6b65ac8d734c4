using Mono.Cecil;

namespace EAmazing.DependencyGraph;

/// <summary>One folder naming another: how many distinct (type, type) pairs, and the pairs themselves.</summary>
public sealed record FolderEdge(string From, string To, IReadOnlyList<(string FromType, string ToType)> Pairs);

/// <summary>
/// The folder → folder graph of the platform's assemblies, measured from their IL: an edge A → B when a
/// type of folder A names a type of folder B. Used by <c>scripts/dependency-graph.sh</c> and the
/// architecture test.
/// </summary>
public static class FolderGraph
{
    public static IReadOnlyList<FolderEdge> Measure(IEnumerable<string> assemblyPaths)
    {
        var pairs = new Dictionary<(string, string), SortedSet<(string, string)>>();
        foreach (var path in assemblyPaths)
        {
            using var module = ModuleDefinition.ReadModule(path);
            foreach (var type in TypeReferences.AllTypes(module))
            {
                var source = TypeReferences.SourceType(type);
                var from = FolderOf.Namespace(TypeReferences.Namespace(source));
                if (from is null)
                {
                    continue;
                }

                foreach (var reference in TypeReferences.Of(type))
                {
                    var to = FolderOf.Namespace(TypeReferences.Namespace(reference));
                    if (to is null || to == from)
                    {
                        continue;
                    }

                    if (!pairs.TryGetValue((from, to), out var set))
                    {
                        pairs[(from, to)] = set = [];
                    }

                    set.Add((TypeReferences.ReadableName(source), TypeReferences.ReadableName(reference)));
                }
            }
        }

        return pairs.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p => new FolderEdge(p.Key.Item1, p.Key.Item2, p.Value.ToList()))
            .ToList();
    }

    /// <summary>Strongly connected components of more than one folder (Tarjan): the cycles of the graph.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyList<FolderEdge> edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    components.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var n in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(n);
        }

        return components;
    }
}
