using EAmazing.Api;

// `eamazing serve` runs the same host; this entry point is what the in-process tests start.
var app = ServingApp.Build(args);
await app.RunAsync();
