namespace EAmazing.Models.Registry;

/// <summary>
/// One family of the lab run behind a card: how its inputs were prepared, how its scores were calibrated on
/// validation, what chose it (validation log-loss) and its test figures, calibration error before and after.
/// </summary>
public sealed record FamilySummary(
    string Family,
    bool IsBaseline,
    IReadOnlyList<string> Preparation,
    string Calibration,
    double ValidationLogLoss,
    double ValidationAuc,
    double TestRocAuc,
    double TestLogLoss,
    double TestCalibrationErrorBefore,
    double TestCalibrationErrorAfter);
