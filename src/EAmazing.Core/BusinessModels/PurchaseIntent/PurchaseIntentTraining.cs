using System.Diagnostics;
using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Models.Families;
using EAmazing.Models.Data;
using EAmazing.Models.Lab;
using EAmazing.Models.Registry;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.BusinessModels.PurchaseIntent;

/// <summary>
/// One training run for a purchase-intent task: load the gold table, run the leakage audit on every
/// month it covers (with the configured feature and audit settings), train every family in the lab,
/// record the best as a registry version with its card and report.
/// </summary>
public sealed class PurchaseIntentTraining(TrainingContext context)
{
    public (LabResult Result, ModelCard Card, LeakageAuditSummary Audit) Run(PurchaseIntentTask task, PurchaseIntentOptions options, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var lake = context.Lake;
        var sample = UserSample.For(lake, task.Table, task.Label, options.MaxRows);
        progress?.Report($"loading {task.Table.ViewName}{(sample is null ? "" : $" ({sample.Rule})")}");
        var (data, users) = GoldFeatureLoader.Load(lake, task.Table, task.Label, sample?.Filter);
        progress?.Report("leakage audit");
        var audit = GoldLeakageAudit.Run(context, task.Table);
        var oracle = task == PurchaseIntentTask.Cart && options.TruthFolder is not null && context.Pseudonymiser is not null
            && File.Exists(Path.Combine(options.TruthFolder, TruthFiles.Sessions))
            ? TruthProbabilities.ForCartPoints(options.TruthFolder, context.Pseudonymiser, users, data.AsOf)
            : null;

        var request = new LabRequest
        {
            Task = task.Description + MaxRowsParameter.CardNote(sample, options.MaxRows),
            Data = data,
            Families = options.Families?.Select(ModelFamilyCatalog.Find).ToList() ?? ModelFamilyCatalog.All,
            TrialsPerFamily = options.TrialsPerFamily,
            WallClockBudget = options.Budget,
            Seed = options.Seed,
            Cost = options.Cost,
            ValidationDays = options.ValidationDays,
            TestDays = options.TestDays,
            OracleProbabilities = oracle,
        };
        var result = ModelLab.Run(request, progress);
        var sources = lake.Query($"SELECT DISTINCT path || '@' || fingerprint FROM gold_partitions WHERE table_name = '{task.Table.Name}' ORDER BY 1")
            .Rows.Select(r => r[0]?.ToString() ?? string.Empty).ToList();
        var card = LabRecorder.Record(context.Registry, task.ModelName, request, result, audit, [task.Table.Name], sources, clock.Elapsed);
        return (result, card, audit);
    }
}
