namespace SubscriptionPortal.Data;

/// <summary>The Identity roles of the portal: what the features check, below the Account pages that assign them.</summary>
internal static class PortalRoles
{
    /// <summary>An association's admin, who manages their platforms.</summary>
    public const string Admin = "Admin";

    /// <summary>Support staff: the support console, impersonation and the direct-debit desk.</summary>
    public const string Support = "Support";

    /// <summary>The cookie the Account pages read a one-time status message from.</summary>
    public const string StatusMessageCookie = "Identity.StatusMessage";
}
