using System.Net.Mail;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms;

/// <summary>Reads and updates the current platform's organisation details, validated before anything is saved.</summary>
internal sealed class OrganizationSettings(IDbContextFactory<ApplicationDbContext> dbFactory, OverdueStatus overdue, TimeProvider clock)
{
    public const string ClosedMessage = "This platform is closed: its details can no longer be changed. Nothing was saved.";

    /// <summary>The current platform's details, and whether it is closed (then read-only).</summary>
    public async Task<OrganizationView?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return null;
        }

        var p = await db.Platforms.AsNoTracking().SingleAsync(x => x.Id == platformId, ct);
        var form = new OrganizationForm
        {
            Name = p.Name,
            AddressLine = p.AddressLine,
            PostalCode = p.PostalCode,
            City = p.City,
            Country = p.Country,
            Siren = p.Siren,
            BillingEmail = p.BillingEmail,
        };
        return new OrganizationView(form, p.Status == PlatformStatus.Closed, await overdue.ReadOnlyRefusalAsync(db, platformId, ct));
    }

    public async Task<CommandResult> SaveAsync(ClaimsPrincipal user, OrganizationForm form, CancellationToken ct = default)
    {
        var errors = Validate(form, out var siren);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid("Some details need correcting. Nothing was saved.", errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return CommandResult.NotFound();
        }

        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId, ct);
        if (platform.Status == PlatformStatus.Closed)
        {
            return CommandResult.Invalid(ClosedMessage);
        }

        if (await overdue.ReadOnlyRefusalAsync(db, platformId, ct) is { } suspended)
        {
            return CommandResult.Invalid(suspended);
        }

        platform.UpdateDetails(form.Name.Trim(), form.AddressLine.Trim(), form.PostalCode.Trim(), form.City.Trim(),
            form.Country.Trim(), siren, form.BillingEmail.Trim());
        var details = JsonSerializer.Serialize(new { form.Name, form.AddressLine, form.PostalCode, form.City, form.Country, Siren = siren, form.BillingEmail });
        db.AuditEntries.Add(Actor.From(user).Entry(clock.GetUtcNow().UtcDateTime, platformId, AuditActions.OrganizationUpdated, details));
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>Field name → message for every invalid field; <paramref name="siren"/> is the normalised SIREN or null.</summary>
    public static Dictionary<string, string> Validate(OrganizationForm form, out string? siren)
    {
        var errors = new Dictionary<string, string>();
        siren = null;
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors[nameof(form.Name)] = "The association's name is required.";
        }
        else if (form.Name.Trim().Length > 200)
        {
            errors[nameof(form.Name)] = "The name can have at most 200 characters.";
        }

        if (string.IsNullOrWhiteSpace(form.BillingEmail) || !IsEmail(form.BillingEmail.Trim()))
        {
            errors[nameof(form.BillingEmail)] = "Enter a valid email address, such as treasurer@example.org.";
        }

        if (!string.IsNullOrWhiteSpace(form.Siren))
        {
            var check = Siren.Validate(form.Siren);
            if (check.IsValid)
            {
                siren = check.Value;
            }
            else
            {
                errors[nameof(form.Siren)] = check.Error!;
            }
        }

        if (form.PostalCode.Trim().Length > 16)
        {
            errors[nameof(form.PostalCode)] = "A postal code has at most 16 characters.";
        }

        return errors;
    }

    private static bool IsEmail(string value) =>
        value.Length <= 256 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
