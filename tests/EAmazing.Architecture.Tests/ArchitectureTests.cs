using EAmazing.DependencyGraph;
using NetArchTest.Rules;

namespace EAmazing.Architecture.Tests;

/// <summary>The direction of the platform's folders, measured from the compiled assemblies (see scripts/dependency-graph.sh).</summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Folder → folder edges that break the direction today, as "From → To" lines. Each move of the re-cut
    /// shrinks this list; a new edge that breaks the direction fails the test by naming its types.
    /// </summary>
    private static readonly HashSet<string> KnownViolations =
    [
    ];

    /// <summary>Types outside Engine/ that still open DuckDB themselves; to reach the lake through the engine seam instead.</summary>
    private static readonly HashSet<string> KnownDuckDbUsers = [];

    private static readonly string[] Assemblies =
    [
        typeof(EAmazing.Lake.ILakeEngine).Assembly.Location,
        typeof(EAmazing.Api.ServingApp).Assembly.Location,
        typeof(EAmazing.Cli.EAmazingCli).Assembly.Location,
    ];

    [Fact]
    public void No_folder_names_a_folder_of_a_later_rank()
    {
        var edges = FolderGraph.Measure(Assemblies);
        var violations = edges.Where(e => !Layers.Allowed(e.From, e.To)).ToList();
        var unexpected = violations.Where(e => !KnownViolations.Contains($"{e.From} → {e.To}")).ToList();
        Assert.True(unexpected.Count == 0, "dependencies against the direction of the flow:\n" + string.Join("\n", unexpected.Select(e =>
            $"{e.From} → {e.To}: " + string.Join(", ", e.Pairs.Take(5).Select(p => $"{p.FromType} names {p.ToType}")))));
        var fixedOnes = KnownViolations.Except(violations.Select(e => $"{e.From} → {e.To}")).ToList();
        Assert.True(fixedOnes.Count == 0, "no longer violated, remove from the allow-list: " + string.Join(", ", fixedOnes));
    }

    [Fact]
    public void The_folder_graph_has_no_cycle()
    {
        var cycles = FolderGraph.Cycles(FolderGraph.Measure(Assemblies));
        Assert.True(cycles.Count == 0, "cycles: " + string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c))));
    }

    [Fact]
    public void Only_the_engine_folder_references_DuckDB()
    {
        var result = Types.InAssemblies(Assemblies.Select(System.Reflection.Assembly.LoadFrom))
            .That().DoNotResideInNamespace("EAmazing.Engine")
            .ShouldNot().HaveDependencyOn("DuckDB.NET")
            .GetResult();
        var failing = (result.FailingTypeNames ?? []).Select(n => n.Split('+')[0]).Distinct().ToList();
        var unexpected = failing.Except(KnownDuckDbUsers).ToList();
        Assert.True(unexpected.Count == 0, "DuckDB.NET named outside Engine/: " + string.Join(", ", unexpected));
        var fixedOnes = KnownDuckDbUsers.Except(failing).ToList();
        Assert.True(fixedOnes.Count == 0, "no longer naming DuckDB, remove from the allow-list: " + string.Join(", ", fixedOnes));
    }

    [Fact]
    public void Every_folder_has_a_rank()
    {
        foreach (var e in FolderGraph.Measure(Assemblies))
        {
            Layers.Rank(e.From);
            Layers.Rank(e.To);
        }
    }

    [Fact]
    public void The_rule_fails_on_an_upstream_reference()
    {
        // The rule itself can fail: a lake type naming an ingestion type is against the flow.
        Assert.False(Layers.Allowed("Lake", "Ingestion"));
        Assert.False(Layers.Allowed("BusinessModels/PurchaseIntent", "BusinessModels"));
        Assert.False(Layers.Allowed("Monitoring", "Engine/DuckDb"));
        Assert.False(Layers.Allowed("Cli", "BusinessModels/PurchaseIntent"));
        Assert.True(Layers.Allowed("BusinessModels", "BusinessModels/PurchaseIntent"));
        Assert.True(Layers.Allowed("Ingestion", "Lake"));
    }
}
