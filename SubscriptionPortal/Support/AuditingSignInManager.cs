using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Support;

/// <summary>
/// Identity's sign-in manager, recording every sign-in in the audit log. Every way in (password,
/// two-factor, recovery code, passkey, registration) ends in <see cref="SignInWithClaimsAsync"/>,
/// so that one override sees them all; a cookie refresh goes through it too and is not a sign-in.
/// </summary>
internal sealed class AuditingSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool refreshing;

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshing = false;
        }
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (refreshing)
        {
            // A refresh rebuilds the principal from the database: an impersonation must survive it.
            if (ImpersonationSession.From(Context.User) is { } session && session.AdminUserId == user.Id)
            {
                additionalClaims = additionalClaims.Concat(session.ToClaims()).ToList();
            }

            await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
            return;
        }

        var claims = additionalClaims.ToList();
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        await RecordAsync(user, claims.FirstOrDefault(c => c.Type == "amr")?.Value);
    }

    private async Task RecordAsync(ApplicationUser user, string? method)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var platforms = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => (int?)m.PlatformId).ToListAsync();
        if (platforms.Count == 0)
        {
            // A support agent has no platform; their sign-ins are logged all the same.
            platforms.Add(null);
        }

        var details = method switch
        {
            "pwd" => "Signed in with a password.",
            "mfa" => "Signed in with two-factor authentication.",
            _ => "Signed in.",
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = Actor.System(user.Id, user.Email ?? user.UserName ?? user.Id);
        db.AuditEntries.AddRange(platforms.Select(p => actor.Entry(now, p, AuditActions.SignedIn, details)));
        await db.SaveChangesAsync();
    }
}
