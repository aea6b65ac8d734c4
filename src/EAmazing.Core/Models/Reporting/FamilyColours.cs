using EAmazing.Models.Families;
using ScottPlot;

namespace EAmazing.Models.Reporting;

/// <summary>One colour per family, the same in every chart and every report: its place in the catalog picks it.</summary>
public static class FamilyColours
{
    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    public static Color Of(string family)
    {
        var index = ModelFamilyCatalog.All.Select(f => f.Name).ToList().IndexOf(family);
        return index >= 0 ? Palette[index % Palette.Length] : Colors.Black;
    }

    public static string Hex(string family) => Of(family).ToHex();
}
