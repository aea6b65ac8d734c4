using nietras.SeparatedValues;

namespace EAmazing.Ingestion;

/// <summary>
/// How e-amazing splits a REES46 text into rows and fields: one reader for ingest and for everything that must see
/// the rows exactly as ingest saw them (a key rotation re-reads the raw ids).
/// </summary>
internal static class Rees46Csv
{
    public static SepReader Read(TextReader text) => Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        // The REES46 format has no quoting: a '"' is an ordinary character, so every physical line is one
        // row. With quote parsing on, one stray quote made the rest of the file a single quoted field.
        DisableQuotesParsing = true,
        CreateToString = SepToString.PoolPerCol(maximumStringLength: 128),
    }).From(text);
}
