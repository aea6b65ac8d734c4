using EAmazing.Models.Registry;

namespace EAmazing.Governance.Erasure;

/// <summary>
/// Marks every registered model version whose data window [TrainFrom, TestTo] holds at least one event of an
/// erased subject: "trained on erased data (erasure ID): retrain due" in its card's retrain reasons. Adding the
/// same reason twice does nothing, so a re-run of the same erasure leaves the cards as they are.
/// </summary>
public sealed class ModelRetrainFlags(string? registryRoot)
{
    public static string Reason(string erasureId) => $"trained on erased data (erasure {erasureId}): retrain due";

    /// <summary>Flags the cards; returns, per subject digest, the model versions ("name vN") whose window held their events.</summary>
    /// <param name="eventTimes">Per subject digest, the times of their events, read before their rows are deleted.</param>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Flag(string erasureId, IReadOnlyDictionary<string, IReadOnlyList<DateTime>> eventTimes)
    {
        var flagged = eventTimes.Keys.ToDictionary(d => d, _ => new List<string>(), StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(registryRoot) || !Directory.Exists(registryRoot) || eventTimes.Values.All(t => t.Count == 0))
        {
            return flagged.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal);
        }

        var registry = new ModelRegistry(registryRoot);
        var reason = Reason(erasureId);
        foreach (var name in registry.Names())
        {
            foreach (var card in registry.Versions(name))
            {
                var from = card.Data.TrainFrom.Ticks;
                var to = card.Data.TestTo.Ticks;
                var included = eventTimes.Where(s => s.Value.Any(t => t.Ticks >= from && t.Ticks <= to)).Select(s => s.Key).ToList();
                if (included.Count == 0)
                {
                    continue;
                }

                foreach (var digest in included)
                {
                    flagged[digest].Add($"{card.Name} v{card.Version}");
                }

                if (!card.RetrainReasons.Contains(reason))
                {
                    registry.Update(card with { RetrainReasons = [.. card.RetrainReasons, reason] });
                }
            }
        }

        return flagged.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal);
    }
}
