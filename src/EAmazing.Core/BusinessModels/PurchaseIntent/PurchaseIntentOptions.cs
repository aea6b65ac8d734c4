using EAmazing.Models.Evaluation;

namespace EAmazing.BusinessModels.PurchaseIntent;

/// <summary>Settings of one purchase-intent training run (from the lab's <see cref="Models.Business.TrainingSettings"/> and the model's parameters).</summary>
public sealed record PurchaseIntentOptions
{
    public IReadOnlyList<string>? Families { get; init; }

    public int TrialsPerFamily { get; init; } = 3;

    /// <summary>Optional wall-clock cap on the search; null keeps the run reproducible.</summary>
    public TimeSpan? Budget { get; init; }

    public ulong Seed { get; init; } = 46;

    public BusinessCost Cost { get; init; } = new();

    public int ValidationDays { get; init; } = 7;

    public int TestDays { get; init; } = 7;

    /// <summary>Beyond this many labelled rows, train and test on a sample of users (<see cref="Models.Data.UserSample"/>).</summary>
    public long MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>The cap of <c>--max-rows</c> when none is given.</summary>
    public const long DefaultMaxRows = 2_000_000;

    /// <summary>Folder of the generated dataset's ground truth, for the oracle AUC (optional).</summary>
    public string? TruthFolder { get; init; }
}
