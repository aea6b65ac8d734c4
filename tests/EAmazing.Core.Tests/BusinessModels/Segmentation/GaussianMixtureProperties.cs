using EAmazing.BusinessModels.Segmentation.Clustering;
using FsCheck;
using FsCheck.Xunit;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>EM is an ascent method: the objective it maximises never decreases, whatever the rows, k, covariance type and seed.</summary>
public sealed class GaussianMixtureProperties
{
    [Property(MaxTest = 40)]
    public void The_objective_never_decreases_from_one_EM_step_to_the_next(PositiveInt seed, bool full, byte kByte, byte blobs)
    {
        var k = 1 + (kByte % 5);
        var (data, _) = Blobs.Make(1 + (blobs % 4), 30, 3, 2.5, (ulong)seed.Get);

        // Fit throws when a step falls beyond rounding; the trace is checked here too, step by step.
        var model = GaussianMixture.Fit(data.Points, k, full ? CovarianceType.Full : CovarianceType.Diagonal, (ulong)seed.Get, maxIterations: 60);

        Assert.True(model.Objective.Count >= 1);
        for (var i = 1; i < model.Objective.Count; i++)
        {
            Assert.True(model.Objective[i] >= model.Objective[i - 1] - (1e-9 * Math.Abs(model.Objective[i - 1])), $"step {i}: {model.Objective[i - 1]} → {model.Objective[i]}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_mixture()
    {
        var (data, _) = Blobs.Make(3, 40, 3, 4, 7);
        var a = GaussianMixture.Fit(data.Points, 3, CovarianceType.Full, 11);
        var b = GaussianMixture.Fit(data.Points, 3, CovarianceType.Full, 11);
        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
        Assert.Equal(a.Assign(data), b.Assign(data));
    }
}
