namespace EAmazing.Lake;

/// <summary>The lake's layers, left to right.</summary>
public static class LakeLayer
{
    public const string Bronze = "bronze";
    public const string Silver = "silver";
    public const string Quarantine = "quarantine";

    public static IReadOnlyList<string> All { get; } = [Bronze, Silver, Quarantine];
}
