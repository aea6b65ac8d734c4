using EAmazing.Bench;

return await BenchCli.RunAsync(args);
