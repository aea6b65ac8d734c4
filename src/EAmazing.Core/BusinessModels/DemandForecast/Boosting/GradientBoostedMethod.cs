using System.Runtime.CompilerServices;
using EAmazing.BusinessModels.DemandForecast.Methods;
using EAmazing.Foundation.Randomness;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace EAmazing.BusinessModels.DemandForecast.Boosting;

/// <summary>
/// One gradient-boosted model over every series (ML.NET FastTreeTweedie: a Tweedie loss suits many zero days and a long
/// right tail), direct multi-horizon: the step ahead is a feature, so one model forecasts every day of the horizon from
/// the features as of the origin. Direct rather than recursive because a recursive model feeds its own forecasts back as
/// lags, so its errors compound over 28 steps and every step needs the features rebuilt; one direct model also needs a
/// single fit per origin and target. Training rows come only from the panel it is given: anchors in the last
/// <see cref="AnchorDays"/> days before the horizon, each step whose day is still known, so every label lies before the
/// origin. Reproducible: one thread, a fixed seed, and a seeded row sample.
/// </summary>
public sealed class GradientBoostedMethod(ulong seed, int trees = 150, int leaves = 20, int minimumLeaf = 50, double learningRate = 0.08, int maximumRows = 150_000) : IPanelForecastMethod
{
    public const string MethodName = "gbm_tweedie";

    /// <summary>How many anchor days (before the last <c>horizon</c> days) give training rows.</summary>
    public const int AnchorDays = 42;

    private readonly ConditionalWeakTable<DemandPanel, Dictionary<(DemandTarget, int), double[][]>> fitted = [];

    public string Name => MethodName;

    public ulong Seed => seed;

    /// <summary>
    /// The forecasts of one target (cached per panel, so a backtest's ensemble that uses this model does not fit it twice).
    /// Series too short for an anchor, or without demand, are forecast by their recent mean (zero when they never sold).
    /// </summary>
    public double[][] Forecast(DemandPanel panel, DemandTarget target, int horizon)
    {
        var cache = fitted.GetOrCreateValue(panel);
        lock (cache)
        {
            if (!cache.TryGetValue((target, horizon), out var result))
            {
                result = Fit(panel, target, horizon);
                cache[(target, horizon)] = result;
            }

            return result;
        }
    }

    /// <summary>The training rows of one panel: features as of each anchor, label = the day's value over the series' scale.</summary>
    public IReadOnlyList<BoostingExample> TrainingRows(DemandPanel panel, DemandTarget target, int horizon)
    {
        var rows = new List<BoostingExample>();
        var n = panel.Days;
        var firstAnchor = Math.Max(BoostingFeatures.MinimumKnown, n - horizon - AnchorDays);
        var candidates = (long)panel.Series.Count * Math.Max(0, n - firstAnchor) * horizon;
        var keep = candidates > maximumRows ? (double)maximumRows / candidates : 1.0;
        for (var s = 0; s < panel.Series.Count; s++)
        {
            var series = panel.Series[s];
            var values = series.Of(target);
            var price = series.AveragePrice();
            for (var anchor = firstAnchor; anchor < n; anchor++)
            {
                var known = values.AsSpan(0, anchor);
                var scale = BoostingFeatures.Scale(known);
                if (scale <= 0)
                {
                    continue;
                }

                for (var step = 1; step <= horizon && anchor + step - 1 < n; step++)
                {
                    if (keep < 1 && StableHash.Unit(StableHash.Mix(seed, (ulong)s, ((ulong)anchor << 8) | (uint)step)) >= keep)
                    {
                        continue;
                    }

                    var row = BoostingFeatures.Row(known, series.Views.AsSpan(0, anchor), price.AsSpan(0, anchor), panel.First, step, series.Level == DemandSeries.TopCategoryLevel);
                    rows.Add(new BoostingExample(row, (float)(values[anchor + step - 1] / scale), anchor + step - 1));
                }
            }
        }

        return rows;
    }

    private double[][] Fit(DemandPanel panel, DemandTarget target, int horizon)
    {
        var rows = TrainingRows(panel, target, horizon);
        var result = new double[panel.Series.Count][];
        var ml = new MLContext(unchecked((int)seed));
        ITransformer? model = null;
        if (rows.Count >= 2 * minimumLeaf)
        {
            var schema = SchemaDefinition.Create(typeof(Example));
            schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, BoostingFeatures.Count);
            var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Example { Features = r.Features, Label = r.Label }), schema);
            model = ml.Regression.Trainers.FastTreeTweedie(new FastTreeTweedieTrainer.Options
            {
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minimumLeaf,
                LearningRate = learningRate,
                NumberOfThreads = 1,
                Seed = unchecked((int)seed),
                FeatureSelectionSeed = unchecked((int)seed),
            }).Fit(data);
        }

        var n = panel.Days;
        var toScore = new List<(int Series, double Scale, float[] Features)>();
        for (var s = 0; s < panel.Series.Count; s++)
        {
            var series = panel.Series[s];
            var values = series.Of(target);
            var scale = BoostingFeatures.Scale(values);
            if (model is null || n < BoostingFeatures.MinimumKnown || scale <= 0)
            {
                result[s] = Methods.Forecasts.Constant(scale, horizon);
                continue;
            }

            var price = series.AveragePrice();
            result[s] = new double[horizon];
            for (var step = 1; step <= horizon; step++)
            {
                toScore.Add((s, scale, BoostingFeatures.Row(values, series.Views, price, panel.First, step, series.Level == DemandSeries.TopCategoryLevel)));
            }
        }

        if (model is not null && toScore.Count > 0)
        {
            var schema = SchemaDefinition.Create(typeof(Example));
            schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, BoostingFeatures.Count);
            var scored = model.Transform(ml.Data.LoadFromEnumerable(toScore.Select(t => new Example { Features = t.Features }), schema));
            var scores = scored.GetColumn<float>("Score").ToArray();
            for (var i = 0; i < toScore.Count; i++)
            {
                var (s, scale, features) = toScore[i];
                result[s][(int)features[0] - 1] = Methods.Forecasts.Clean(scores[i] * scale);
            }
        }

        return result;
    }

    private sealed class Example
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}

/// <summary>One training row of the global model: features as of an anchor, the scaled label, and the index of the day the label belongs to.</summary>
public sealed record BoostingExample(float[] Features, float Label, int LabelDay);
