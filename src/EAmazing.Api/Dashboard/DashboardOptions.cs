namespace EAmazing.Api.Dashboard;

/// <summary>Settings of the dashboard served by <c>eamazing serve</c>, section <c>EAmazing:Dashboard</c> (env <c>EAMAZING__DASHBOARD__…</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "EAmazing:Dashboard";

    /// <summary>How long a sign-in lasts without a visit (sliding); then the person signs in again.</summary>
    public double SessionMinutes { get; set; } = 480;

    /// <summary>How often, in seconds, the server looks whether the lake or the registry changed and reads the pages' data again
    /// before anyone asks (0: only at start; a page then reads what changed at its next visit).</summary>
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>Where the keys that sign session cookies and anti-forgery tokens are kept (outside the lake, mode 700), so a
    /// restart keeps people signed in. Default: ~/.config/eamazing/dashboard-keys.</summary>
    public string? KeysFolder { get; set; }

    public string KeysFolderOrDefault => Path.GetFullPath(KeysFolder ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "eamazing", "dashboard-keys"));
}
