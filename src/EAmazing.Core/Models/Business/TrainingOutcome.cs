using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// What one training run produced: the registered version's card, the side-by-side comparison of every family and
/// baseline (a table the CLI prints as it is), and notes for the reader (oracle, audit verdict, alarms).
/// </summary>
public sealed record TrainingOutcome(ModelCard Card, ComparisonTable Comparison, IReadOnlyList<TrainingNote> Notes, string Summary);

/// <summary>A plain table: the header and rows of already-formatted cells; the row of the chosen model is marked.</summary>
public sealed record ComparisonTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>One line for the reader; <see cref="IsAlarm"/> lines are shown as alarms.</summary>
public sealed record TrainingNote(string Text, bool IsAlarm = false);
