using EAmazing.Cli;

return await EAmazingCli.RunAsync(args);
