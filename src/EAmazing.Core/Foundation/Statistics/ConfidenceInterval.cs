namespace EAmazing.Foundation.Statistics;

/// <summary>A point estimate with a percentile bootstrap interval.</summary>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level = 0.95)
{
    public override string ToString() => $"{Estimate:0.0000} [{Lower:0.0000}, {Upper:0.0000}]";
}
