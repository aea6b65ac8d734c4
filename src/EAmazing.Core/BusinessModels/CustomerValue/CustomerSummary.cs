namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// One customer's purchase history as the buy-till-you-die models see it, in days, as of a calibration end:
/// <see cref="Frequency"/> repeat transactions (purchasing sessions after the first), <see cref="Recency"/> the time from
/// the first to the last, <see cref="Age"/> (the models' T) the time from the first to the calibration end, and
/// <see cref="MonetaryValue"/> the mean spend of the repeat transactions (0 without any).
/// </summary>
public readonly record struct CustomerSummary(int Frequency, double Recency, double Age, double MonetaryValue);
