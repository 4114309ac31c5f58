using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Data;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms;

/// <summary>Creates new, empty, 100 % free (Liberty) platforms; the creator becomes their admin.</summary>
internal sealed class PlatformProvisioning(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(PlatformProvisioning));

    /// <summary>The refusal to create a platform while impersonating, in the reader's language.</summary>
    public static string ImpersonationRefusedMessage => Text["NotWhileImpersonating"];

    /// <summary>
    /// A registration's first platform: only a name, the rest is filled in later in Settings › Organization.
    /// The registration page checks the name with <see cref="NameProblem"/> before it creates the account.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one <see cref="NameProblem"/> accepts (a bug in the caller).</exception>
    public async Task<int> CreateFreePlatformAsync(string userId, string userEmail, string name, CancellationToken ct = default)
    {
        var form = new OrganizationForm { Name = name, BillingEmail = userEmail }.Cleaned();
        if (NameProblem(form.Name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        return await CreateAsync(userId, Actor.System(userId, userEmail), form, null, null, ct);
    }

    /// <summary>Why <paramref name="name"/> cannot name a platform (it is printed on every invoice), or null when it can.</summary>
    public static string? NameProblem(string? name)
    {
        var cleaned = FieldText.Clean(name);
        return cleaned.Length == 0
            ? Text["NameRequired"]
            : DocumentText.Problem(cleaned, Text["NameLabel"], FieldLimits.PlatformName);
    }

    /// <summary>
    /// Creates a new free platform from the details an admin typed (SPEC §6): it starts on Liberty, with no
    /// contacts, documents or mandate, nothing copied from their other platforms; they become its admin and it
    /// becomes their current platform. <paramref name="requestKey"/> identifies the form submission: sending it
    /// again (a double click, a retry) returns the platform the first one created.
    /// </summary>
    public async Task<PlatformCreation> CreateAsync(ClaimsPrincipal user, OrganizationForm form, Guid requestKey, CancellationToken ct = default)
    {
        if (user.IsSupportAgent())
        {
            return new PlatformCreation(CommandResult.Invalid(Text["NotForSupport"]), null);
        }

        if (ImpersonationSession.From(user) is not null)
        {
            // The new platform would be the admin's, outside the one platform the impersonation is about (SPEC §7).
            return new PlatformCreation(CommandResult.Invalid(ImpersonationRefusedMessage), null);
        }

        form = form.Cleaned();
        var errors = OrganizationSettings.Validate(form, out var siren);
        if (errors.Count > 0)
        {
            return new PlatformCreation(CommandResult.Invalid(Text["NeedsCorrecting"], errors), null);
        }

        var userId = user.UserId();
        if (await ExistingAsync(userId, requestKey, ct) is { } existing)
        {
            return new PlatformCreation(CommandResult.Ok, existing);
        }

        try
        {
            var id = await CreateAsync(userId, Actor.From(user), form, siren, requestKey, ct);
            return new PlatformCreation(CommandResult.Ok, id);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same submission arrived twice at once; the other one created the platform.
            var raced = await ExistingAsync(userId, requestKey, ct);
            if (raced is null)
            {
                throw;
            }

            return new PlatformCreation(CommandResult.Ok, raced);
        }
    }

    private async Task<int?> ExistingAsync(string userId, Guid requestKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Platforms
            .Where(p => p.CreationKey == requestKey && db.Memberships.Any(m => m.PlatformId == p.Id && m.UserId == userId))
            .Select(p => (int?)p.Id)
            .SingleOrDefaultAsync(ct);
    }

    private async Task<int> CreateAsync(string userId, Actor actor, OrganizationForm form, string? siren, Guid? requestKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var platform = new Platform(form.Name, form.BillingEmail, now, requestKey);
        platform.UpdateDetails(form.Name, form.AddressLine, form.PostalCode, form.City,
            form.Country.Length == 0 ? Platform.DefaultCountry : form.Country, siren, form.BillingEmail);
        db.Platforms.Add(platform);
        await db.SaveChangesAsync(ct);

        db.Memberships.Add(new PlatformMembership(platform.Id, userId));
        db.Subscriptions.Add(Subscription.StartFree(platform.Id, CatalogSeed.Liberty));
        db.AuditEntries.Add(actor.Entry(now, platform.Id, AuditActions.PlatformCreated, $"Created \"{platform.Name}\" on Liberty."));
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentPlatformId, platform.Id), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return platform.Id;
    }
}
