using System.CommandLine;
using EAmazing.Sources.Synthetic.Realism;
using EAmazing.Sources.Synthetic.Truth;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing realism</c>: compares a generated dataset with the real REES46 rows, figure by figure.</summary>
public static class RealismCommand
{
    public static readonly Option<string?> Data = new("--data") { Description = "Folder of generated monthly files (default: EAmazing:DataDirectory)" };

    public static readonly Option<string?> Real = new("--real") { Description = "Real REES46 file to compare with (default: the shipped October head sample)" };

    public static readonly Option<bool> Markdown = new("--markdown") { Description = "Print the table as Markdown (for docs)" };

    public static Command Create()
    {
        var command = new Command("realism", "Compare generated data with the real REES46 rows and published statistics");
        command.Options.Add(Data);
        command.Options.Add(Real);
        command.Options.Add(Markdown);
        command.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var data = Path.GetFullPath(parse.GetValue(Data) ?? settings.Platform.DataDirectory);
            var real = parse.GetValue(Real) ?? SampleFiles.RealHead;
            if (!HasGeneratedFiles(data))
            {
                Console.Error.WriteLine($"error: no generated .csv or .csv.gz file in {data}: run eamazing generate --out {data} first, or pass --data FOLDER");
                return ExitCodes.UsageError;
            }

            if (parse.GetValue(Markdown))
            {
                foreach (var f in RealismCheck.Compare(data, real))
                {
                    Console.WriteLine($"| {f.Group} | {f.Name} | {Format(f.Generated)} | {Format(f.Real)} | {RelativeText(f)} |");
                }

                return ExitCodes.Success;
            }

            return Print(data, real);
        });
        return command;
    }

    private static bool HasGeneratedFiles(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".csv.gz", StringComparison.Ordinal));

    public static int Print(string generatedDirectory, string realFile)
    {
        if (!File.Exists(realFile))
        {
            Console.Error.WriteLine($"error: real file not found: {realFile}");
            return ExitCodes.UsageError;
        }

        var figures = RealismCheck.Compare(generatedDirectory, realFile);
        var table = new Table().Title("Realism: generated vs real").AddColumns("group", "figure", "generated", "real", "rel. diff", "real from");
        foreach (var f in figures)
        {
            table.AddRow(f.Group, f.Name, Format(f.Generated), Format(f.Real), RelativeText(f), f.Source);
        }

        AnsiConsole.Write(table);
        var truth = RealismCheck.TruthFolder(generatedDirectory);
        if (File.Exists(Path.Combine(truth, TruthFiles.Sessions)))
        {
            var oracle = OracleCheck.FromTruth(truth);
            AnsiConsole.MarkupLineInterpolated(
                $"Oracle (truth/sessions.csv.gz): {oracle.CartSessions:N0} cart sessions, mean p {oracle.MeanProbability:0.0000} vs observed purchase rate {oracle.PurchaseRate:0.0000} ± {1.96 * oracle.RateStandardError:0.0000}, oracle ROC-AUC [bold]{oracle.OracleAuc:0.000}[/] (published leakage-free models on real data: 0.62–0.63)");
        }

        return ExitCodes.Success;
    }

    private static string RelativeText(RealismFigure f) =>
        double.IsFinite(f.RelativeDifference) ? $"{f.RelativeDifference:+0.0%;-0.0%;0.0%}" : "-";

    private static string Format(double value) => Math.Abs(value) >= 10 ? $"{value:N1}" : $"{value:0.0000}";
}
