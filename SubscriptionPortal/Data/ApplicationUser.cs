using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace SubscriptionPortal.Data;

/// <summary>A person who signs in: an association admin or a support agent.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>The name shown in the app bar, audit log and impersonation banner.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The platform the admin last switched to; checked against their memberships on every use.</summary>
    public int? CurrentPlatformId { get; set; }

    /// <summary>The language the user chose in the user menu (<c>fr-FR</c>, <c>en-GB</c>), or null before any choice.</summary>
    [MaxLength(16)]
    public string? PreferredCulture { get; set; }
}
