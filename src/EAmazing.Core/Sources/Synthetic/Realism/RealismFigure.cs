namespace EAmazing.Sources.Synthetic.Realism;

/// <summary>One line of the realism table: a generated figure beside the real one.</summary>
public sealed record RealismFigure(string Group, string Name, double Generated, double Real, string Source)
{
    public double RelativeDifference => Real == 0 ? (Generated == 0 ? 0 : double.PositiveInfinity) : (Generated - Real) / Math.Abs(Real);
}
