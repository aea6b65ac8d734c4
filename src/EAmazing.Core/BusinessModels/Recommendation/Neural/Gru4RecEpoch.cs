namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>One training epoch: mean cross-entropy per predicted event, events predicted, wall time.</summary>
public sealed record Gru4RecEpoch(int Epoch, double MeanLoss, long Events, double Seconds)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : double.NaN;
}
