using System.CommandLine;
using EAmazing.Bench;

var root = new RootCommand("e-amazing benchmarks");
root.Subcommands.Add(IngestBenchmark.Create());
root.Subcommands.Add(IngestBenchmark.CreateChild());
root.Subcommands.Add(FeaturesBenchmark.Create());
root.Subcommands.Add(FeaturesBenchmark.CreateChild());
return await root.Parse(args).InvokeAsync();
