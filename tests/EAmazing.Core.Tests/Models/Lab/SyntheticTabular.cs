using EAmazing.Models.Data;

namespace EAmazing.Core.Tests.Models.Lab;

/// <summary>A small tabular problem with known signal, spread over 35 days.</summary>
internal static class SyntheticTabular
{
    public static TabularDataset Create(int rows = 3_000, int seed = 1, bool leaky = false, double interaction = 1.2)
    {
        var rng = new Random(seed);
        var names = new List<string> { "signal", "interaction_a", "interaction_b", "noise" };
        if (leaky)
        {
            names.Add("label_copy");
        }

        var features = new List<float[]>();
        var labels = new List<bool>();
        var asOf = new List<DateTime>();
        for (var i = 0; i < rows; i++)
        {
            var signal = rng.NextDouble() * 2 - 1;
            var a = rng.NextDouble() * 2 - 1;
            var b = rng.NextDouble() * 2 - 1;
            var logit = -0.8 + (1.5 * signal) + (interaction * a * b);
            var label = rng.NextDouble() < 1 / (1 + Math.Exp(-logit));
            var row = new List<float> { (float)signal, (float)a, (float)b, (float)rng.NextDouble() };
            if (leaky)
            {
                row.Add(label ? 1 : 0);
            }

            // A few missing values, as real feature tables have.
            if (rng.NextDouble() < 0.02)
            {
                row[3] = float.NaN;
            }

            features.Add([.. row]);
            labels.Add(label);
            asOf.Add(new DateTime(2019, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 35.0 * 24 * 60 / rows));
        }

        return new TabularDataset(names, features, labels, asOf);
    }
}
