using System.CommandLine;
using System.CommandLine.Invocation;
using EAmazing.Lake;

namespace EAmazing.Cli.Commands.Sql;

/// <summary>The usual help, and for <c>sql</c> the views and columns of the configured lake (or what a lake will hold when there is none yet).</summary>
public sealed class SqlHelpAction(SynchronousCommandLineAction inner, Command sql) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = inner.Invoke(parseResult);
        if (parseResult.CommandResult.Command != sql)
        {
            return code;
        }

        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Views and tables:");
        try
        {
            var settings = CliSettings.Load(parseResult.GetValue(GlobalOptions.Lake));
            if (File.Exists(LakeLayout.At(settings.Platform.Lake).Catalog) && LakeAccess.TryOpen(settings, out var lake))
            {
                using (lake)
                {
                    foreach (var view in lake!.Views())
                    {
                        output.WriteLine($"  {view.Name} ({view.Kind}): {string.Join(", ", view.Columns)}");
                    }
                }

                return code;
            }

            output.WriteLine($"  (no lake at {Path.GetFullPath(settings.Platform.Lake)} yet)");
        }
        catch (CliSettingsException e)
        {
            output.WriteLine($"  (the lake setting is not usable: {e.Message})");
        }

        output.WriteLine("  bronze, silver, quarantine: the ingested events (after eamazing ingest)");
        output.WriteLine("  gold_<table>: the feature tables (after eamazing features build)");
        output.WriteLine("  ingested_files, lake_partitions: the lake's catalog");
        return code;
    }
}
