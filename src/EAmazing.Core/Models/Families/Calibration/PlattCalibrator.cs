using System.Text.Json;

namespace EAmazing.Models.Families.Calibration;

/// <summary>Platt scaling: p = σ(a·logit(s) + b), a and b fitted by Newton's method on the log-loss.</summary>
public sealed class PlattCalibrator(double slope, double intercept) : ScoreCalibrator
{
    public const string Name = "platt";

    public double Slope { get; } = slope;

    public double Intercept { get; } = intercept;

    public override string Method => Name;

    public override object Parameters => new { slope = Slope, intercept = Intercept };

    public override float Apply(float score) => (float)Math.Clamp(Sigmoid((Slope * Logit(score)) + Intercept), Epsilon, 1 - Epsilon);

    public static PlattCalibrator Fit(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var x = scores.Select(Logit).ToArray();
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            // Gradient and Hessian of the mean log-loss in (a, b); a tiny ridge keeps the Hessian invertible
            // when every score is the same (a constant model).
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < x.Length; i++)
            {
                var p = Sigmoid((a * x[i]) + b);
                var r = p - (labels[i] ? 1 : 0);
                var w = p * (1 - p);
                ga += r * x[i];
                gb += r;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }

            var det = (haa * hbb) - (hab * hab);
            if (Math.Abs(det) < 1e-12)
            {
                // Constant scores: only the intercept can move.
                a = 0;
                b = Logit((float)Math.Clamp(labels.Count(l => l) / (double)Math.Max(1, labels.Count), Epsilon, 1 - Epsilon));
                break;
            }

            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return new PlattCalibrator(a, b);
    }

    internal static PlattCalibrator Read(JsonElement parameters) =>
        new(parameters.GetProperty("slope").GetDouble(), parameters.GetProperty("intercept").GetDouble());

    private static double Logit(float score)
    {
        var p = Math.Clamp((double)score, Epsilon, 1 - Epsilon);
        return Math.Log(p / (1 - p));
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
