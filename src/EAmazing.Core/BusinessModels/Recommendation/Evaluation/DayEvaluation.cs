namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>A method's evaluation on one test day of a protocol, with the seconds spent fitting for it (0 when fitted once for an earlier day) and evaluating.</summary>
public sealed record DayEvaluation(DateOnly Day, MethodEvaluation Evaluation, double FitSeconds, double EvaluationSeconds);
