namespace EAmazing.Models.Families.Calibration;

/// <summary>No calibration: the family's own scores (kept when neither Platt nor isotonic does better on held-out validation rows).</summary>
public sealed class IdentityCalibrator : ScoreCalibrator
{
    public const string Name = "none";

    public static IdentityCalibrator Instance { get; } = new();

    public override string Method => Name;

    public override object Parameters => new { };

    public override float Apply(float score) => score;
}
