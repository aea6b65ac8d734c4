namespace EAmazing.Models.Families.NeuralNetwork;

/// <summary>Per-thread scratch arrays for forward and backward passes, so training allocates nothing per example.</summary>
internal sealed class MlpWorkspace
{
    public MlpWorkspace(MultilayerPerceptron network)
    {
        Activations = network.LayerSizes.Select(n => new double[n]).ToArray();
        // Deltas[l] holds the gradient with respect to layer l's inputs (the last one: the output's).
        Deltas = network.LayerSizes.Select(n => new double[n]).ToArray();
    }

    public double[][] Activations { get; }

    public double[][] Deltas { get; }
}
