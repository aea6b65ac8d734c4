namespace EAmazing.Sources.Synthetic.World;

/// <summary>Brands, most common first per top-level category, plus a generated long tail.</summary>
internal static class BrandNames
{
    public static readonly Dictionary<string, string[]> Leading = new(StringComparer.Ordinal)
    {
        ["electronics"] = ["samsung", "apple", "xiaomi", "huawei", "oppo", "sony", "lg", "vivo", "jbl", "nokia", "honor", "meizu", "canon", "nikon", "casio", "garmin"],
        ["appliances"] = ["bosch", "samsung", "lg", "indesit", "beko", "artel", "haier", "redmond", "polaris", "tefal", "philips", "midea", "atlant", "braun", "vitek", "elenberg"],
        ["computers"] = ["lenovo", "hp", "acer", "asus", "apple", "dell", "msi", "gigabyte", "kingston", "intel", "amd", "logitech", "epson", "sandisk"],
        ["furniture"] = ["lucente", "sv", "brw", "ikea", "askona", "mebelson", "stolline", "hoff"],
        ["apparel"] = ["nike", "adidas", "puma", "reebok", "rieker", "tamaris", "baden", "ecco", "respect", "carlopazolini"],
        ["auto"] = ["neoline", "sho-me", "xiaomi", "pioneer", "starline", "playme", "prology"],
        ["construction"] = ["makita", "bosch", "dewalt", "interskol", "zubr", "metabo", "grohe", "hansgrohe"],
        ["kids"] = ["lego", "chicco", "mattel", "hasbro", "tutis", "cybex", "happybaby"],
        ["sport"] = ["stels", "forward", "stern", "torneo", "nordway", "head"],
        ["accessories"] = ["samsonite", "wenger", "tigernu", "swissgear"],
        ["country_yard"] = ["huter", "patriot", "champion", "gardena", "karcher"],
        ["medicine"] = ["omron", "and", "microlife", "beurer"],
        ["stationery"] = ["hp", "canon", "epson", "brother"],
    };

    private static readonly string[] Syllables = ["ka", "ro", "vi", "ten", "mar", "lo", "zen", "tri", "sa", "del", "mo", "nik", "ra", "ber", "ton", "li", "ko", "fa", "gor", "el"];

    /// <summary>A stable invented brand name for the long tail (lower case, like the real file).</summary>
    public static string Tail(int index)
    {
        var a = Syllables[index % Syllables.Length];
        var b = Syllables[(index / Syllables.Length) % Syllables.Length];
        var c = Syllables[(index / (Syllables.Length * Syllables.Length)) % Syllables.Length];
        return index < Syllables.Length * Syllables.Length ? a + b : a + b + c;
    }
}
