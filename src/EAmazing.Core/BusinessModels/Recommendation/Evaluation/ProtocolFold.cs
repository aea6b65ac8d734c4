using EAmazing.BusinessModels.Recommendation.Data;

namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>
/// One test day of a protocol: the prepared sessions that end before it (with their vocabulary and dense sequences)
/// and the prepared sessions that start on it, raw and mapped to that vocabulary (unseen items are -1: misses).
/// </summary>
public sealed record ProtocolFold(DateOnly Day, int TrainingSessions, DateOnly TrainFrom, ItemVocabulary Vocabulary, IReadOnlyList<SessionSequence> Sequences, IReadOnlyList<RawSession> TestRaw, IReadOnlyList<TestSession> Test)
{
    /// <exception cref="InvalidOperationException">No training session survives the preparation, or no session starts on the day.</exception>
    public static ProtocolFold Build(IReadOnlyList<RawSession> all, DateOnly day, PreparationOptions preparation)
    {
        var training = SessionPreparation.Training(LastDaySplit.Before(all, day), preparation);
        if (training.Count == 0)
        {
            throw new InvalidOperationException($"no training session of 2 or more items survives the preparation before {day:yyyy-MM-dd}: ingest more days or lower --min-support");
        }

        var vocabulary = ItemVocabulary.FromTraining(training);
        var raw = preparation.EvaluationSample(SessionPreparation.Test(LastDaySplit.StartingOn(all, day), preparation));
        if (raw.Count == 0)
        {
            throw new InvalidOperationException($"no session of 2 or more items starts on {day:yyyy-MM-dd}: the protocol has nothing to score that day");
        }

        return new ProtocolFold(day, training.Count, LastDaySplit.Day(training.Min(s => s.Start)), vocabulary, training.Select(vocabulary.Encode).ToList(), raw,
            raw.Select(s => TestSession.Map(s, vocabulary)).ToList());
    }

    /// <summary>This day's test sessions in another fold's vocabulary (a method trained once on that fold).</summary>
    public IReadOnlyList<TestSession> TestIn(ItemVocabulary vocabulary) => vocabulary == Vocabulary ? Test : TestRaw.Select(s => TestSession.Map(s, vocabulary)).ToList();
}
