using System.CommandLine;

namespace EAmazing.Bench;

/// <summary>Benchmarks: each prints a table and can append its rows to BENCHMARKS.md.</summary>
public static class BenchCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("e-amazing benchmarks");
        root.Subcommands.Add(GenerationBenchmark.Create());
        root.Subcommands.Add(GenerationBenchmark.CreateChild());
        root.Subcommands.Add(TrainingBenchmark.Create());
        root.Subcommands.Add(IngestBenchmark.Create());
        root.Subcommands.Add(IngestBenchmark.CreateChild());
        root.Subcommands.Add(FeaturesBenchmark.Create());
        root.Subcommands.Add(FeaturesBenchmark.CreateChild());
        root.Subcommands.Add(ServingBenchmark.Create());
        root.Subcommands.Add(RecommendationServingBenchmark.Create());
        root.Subcommands.Add(DashboardBenchmark.Create());
        root.Subcommands.Add(DashboardScreenshots.Create());
        root.Subcommands.Add(DemoBenchmark.Create());
        root.Subcommands.Add(GdprBenchmark.Create());
        root.Subcommands.Add(SqlBenchmark.Create());
        root.Subcommands.Add(SegmentsBenchmark.Create());
        root.Subcommands.Add(FullRunBenchmark.Create());
        root.Subcommands.Add(GruBenchmark.Create());
        root.Subcommands.Add(RecommenderBenchmark.Create());
        root.Subcommands.Add(EmergingBenchmark.Create());
        root.Subcommands.Add(ForecastBenchmark.Create());
        return root.Parse(args).InvokeAsync();
    }
}
