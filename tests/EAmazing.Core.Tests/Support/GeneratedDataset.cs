using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Synthetic.Realism;

namespace EAmazing.Core.Tests.Support;

/// <summary>Generates a dataset once for a test class.</summary>
public abstract class GeneratedDataset : IDisposable
{
    private readonly TempFolder _directory = new();

    protected GeneratedDataset(GenerationScale scale, string? months = null, ulong seed = 46)
    {
        MonthWindow? window = null;
        if (months is not null && !MonthWindow.TryParse(months, out window, out var error))
        {
            throw new ArgumentException(error);
        }

        Options = new GeneratorOptions { Scale = scale, Months = window, Seed = seed, OutputDirectory = _directory.Path };
        Summary = new DatasetGenerator(Options).Run();
    }

    public GeneratorOptions Options { get; }

    public GenerationSummary Summary { get; }

    public string Directory => _directory.Path;

    public string TruthDirectory => System.IO.Path.Combine(Directory, "truth");

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>October 2019 at demo scale: about 770 thousand events, enough for calibration checks.</summary>
public sealed class DemoOctoberDataset : GeneratedDataset
{
    private readonly Lazy<IReadOnlyList<RealismFigure>> _figures;

    public DemoOctoberDataset()
        : base(GenerationScale.Demo, "2019-10") =>
        _figures = new(() => RealismCheck.Compare(Directory, RealSample.Path));

    /// <summary>The realism table, computed once for the whole test class.</summary>
    public IReadOnlyList<RealismFigure> Figures => _figures.Value;
}

/// <summary>The tiny default dataset: about 20 thousand events in October 2019.</summary>
public sealed class TinyDataset() : GeneratedDataset(GenerationScale.Tiny);
