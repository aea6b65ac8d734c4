namespace EAmazing.Privacy.Purposes;

/// <summary>
/// Which columns single out a person (pseudonymised identifiers are still personal data, GDPR recital 26): a table
/// holding any of them is a personal-data table, and every column of it describes that person's behaviour.
/// </summary>
public static class PersonalData
{
    public static IReadOnlyDictionary<string, string> Identifiers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["user_id"] = "user pseudonym (HMAC of the raw user id)",
        ["user_number"] = "user's number in the month (silver): with the month, stands for the user pseudonym",
        ["user_session"] = "session pseudonym as received (bronze, quarantine)",
        ["session_id"] = "re-sessionised session pseudonym (silver)",
        ["session_key"] = "session key derived from the session pseudonym (gold)",
    };

    public static bool IsIdentifier(string column) => Identifiers.ContainsKey(column);
}
