namespace EAmazing.Api.Security;

/// <summary>What a key may do: readers score, admins also change models and touch privacy operations.</summary>
public static class ApiRoles
{
    public const string Reader = "reader";
    public const string Admin = "admin";

    /// <summary>Authorization policy names (an admin is also a reader).</summary>
    public const string ReaderPolicy = "reader";
    public const string AdminPolicy = "admin";

    public static bool IsValid(string role) => role is Reader or Admin;
}
