namespace EAmazing.Sources.Synthetic.Truth;

/// <summary>Names of the ground-truth files written beside generated data.</summary>
public static class TruthFiles
{
    public const string Folder = "truth";
    public const string Sessions = "sessions.csv.gz";
    public const string Users = "users.csv.gz";
    public const string DemandDaily = "demand_daily.csv.gz";
    public const string World = "world.json";
    public const string Emergences = "emergences.json";

    public const string SessionsHeader = "user_session,user_id,first_cart_time,p_purchase_at_first_cart,purchased";
    public const string UsersHeader = "user_id,persona,churned_at,joined_at";
    public const string DemandHeader = "date,category_id,category_code,expected_purchases,expected_views";
}
