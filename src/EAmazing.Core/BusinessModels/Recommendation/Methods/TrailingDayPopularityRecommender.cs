namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// The trending baseline: items scored by their events in the last <see cref="Hours"/> of training (what is popular
/// now), ties broken by global popularity (a fraction below one event, so it never outranks a recent event).
/// </summary>
public sealed class TrailingDayPopularityRecommender(double hours = 24) : CatalogueRecommender
{
    public const string MethodName = "popularity-day";

    private float[] _scores = [];

    public override string Name => MethodName;

    public double Hours { get; } = hours;

    public override void ScoreAll(SessionSequence prefix, Span<float> scores) => _scores.CopyTo(scores);

    protected override void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken)
    {
        var end = training.Count == 0 ? 0 : training.Max(s => s.UnixSeconds[^1]);
        var from = end - (long)(Hours * 3600);
        var recent = new float[itemCount];
        var global = new float[itemCount];
        foreach (var session in training)
        {
            for (var i = 0; i < session.Length; i++)
            {
                global[session.Items[i]]++;
                if (session.UnixSeconds[i] > from)
                {
                    recent[session.Items[i]]++;
                }
            }
        }

        var top = global.Length == 0 ? 1 : global.Max() + 1;
        _scores = recent.Select((r, i) => r + (global[i] / top)).ToArray();
    }
}
