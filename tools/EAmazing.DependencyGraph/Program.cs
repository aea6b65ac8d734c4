using EAmazing.DependencyGraph;

// Prints the folder → folder dependency table of the given assemblies as Markdown (see scripts/dependency-graph.sh).
var verbose = args.Contains("--types");
var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
if (paths.Length == 0 || paths.Any(p => !File.Exists(p)))
{
    Console.Error.WriteLine("usage: EAmazing.DependencyGraph [--types] ASSEMBLY.dll…  (every assembly must exist; build first)");
    return 2;
}

var edges = FolderGraph.Measure(paths);
Console.WriteLine("| from | to | type pairs | example |");
Console.WriteLine("|---|---|---:|---|");
foreach (var e in edges)
{
    Console.WriteLine($"| {e.From} | {e.To} | {e.Pairs.Count} | `{e.Pairs[0].FromType}` → `{e.Pairs[0].ToType}` |");
}

Console.WriteLine();
Console.WriteLine($"{edges.Count} edges between {edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Count()} folders.");
var cycles = FolderGraph.Cycles(edges);
Console.WriteLine(cycles.Count == 0
    ? "No cycles: the folder graph is acyclic."
    : $"Cycles (strongly connected folders): {string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c)))}");
if (verbose)
{
    Console.WriteLine();
    foreach (var e in edges)
    {
        Console.WriteLine($"## {e.From} → {e.To}");
        foreach (var (from, to) in e.Pairs)
        {
            Console.WriteLine($"- {from} → {to}");
        }
    }
}

return 0;
