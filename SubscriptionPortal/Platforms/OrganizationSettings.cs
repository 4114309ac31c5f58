using System.Net.Mail;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms;

/// <summary>Reads and updates the current platform's organisation details, validated before anything is saved.</summary>
internal sealed class OrganizationSettings(IDbContextFactory<ApplicationDbContext> dbFactory, OverdueStatus overdue, EmailOutbox emails, TimeProvider clock)
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(OrganizationSettings));

    /// <summary>The refusal of a billing language other than fr-FR and en-GB, in the reader's language.</summary>
    public static string UnsupportedBillingLanguageMessage => Text["UnsupportedBillingLanguage"];

    /// <summary>The refusal when the platform is closed, in the reader's language.</summary>
    public static string ClosedMessage => Text["Closed"];

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
            VatNumber = p.VatNumber,
            Rna = p.Rna,
            BillingEmail = p.BillingEmail,
            BillingLanguage = p.BillingLanguage,
            ServiceAddressLine = p.ServiceAddress?.AddressLine ?? "",
            ServicePostalCode = p.ServiceAddress?.PostalCode ?? "",
            ServiceCity = p.ServiceAddress?.City ?? "",
            ServiceCountry = p.ServiceAddress?.Country ?? "",
        };
        return new OrganizationView(form, p.Status == PlatformStatus.Closed, await overdue.ReadOnlyRefusalAsync(db, platformId, ct));
    }

    public async Task<CommandResult> SaveAsync(ClaimsPrincipal user, OrganizationForm form, CancellationToken ct = default)
    {
        form = form.Cleaned();
        var errors = Validate(form, out var siren);
        var identifiers = ValidateTaxIdentifiers(form, siren, errors);
        var serviceAddress = ValidateServiceAddress(form, errors);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(Text["NeedsCorrecting"], errors);
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

        var previousEmail = platform.BillingEmail;
        platform.UpdateDetails(form.Name, form.AddressLine, form.PostalCode, form.City, form.Country, siren, form.BillingEmail);
        platform.SetTaxIdentifiers(identifiers.VatNumber, identifiers.Rna);
        platform.SetServiceAddress(serviceAddress);
        platform.SetBillingLanguage(form.BillingLanguage);
        var details = JsonSerializer.Serialize(new
        {
            form.Name,
            form.AddressLine,
            form.PostalCode,
            form.City,
            form.Country,
            Siren = siren,
            identifiers.VatNumber,
            identifiers.Rna,
            form.BillingEmail,
            form.BillingLanguage,
            ServiceAddress = serviceAddress is null ? null : new { serviceAddress.AddressLine, serviceAddress.PostalCode, serviceAddress.City, serviceAddress.Country },
        });
        db.AuditEntries.Add(Actor.From(user).Entry(clock.GetUtcNow().UtcDateTime, platformId, AuditActions.OrganizationUpdated, details));
        if (!string.Equals(previousEmail, platform.BillingEmail, StringComparison.OrdinalIgnoreCase))
        {
            db.AuditEntries.Add(Actor.From(user).Entry(clock.GetUtcNow().UtcDateTime, platformId, AuditActions.BillingEmailChanged,
                $"Billing email changed from {(previousEmail.Length == 0 ? "(none)" : previousEmail)} to {platform.BillingEmail}; both addresses were told."));
            await emails.BillingEmailChangedAsync(db, platformId, platform.Name, previousEmail, platform.BillingEmail, ct);
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Field name → message for every invalid field, checked on the cleaned values (<see cref="OrganizationForm.Cleaned"/>);
    /// <paramref name="siren"/> is the normalised SIREN or null. The name and the address are printed on every
    /// invoice: they must fit their limits and hold only characters the documents can print.
    /// </summary>
    public static Dictionary<string, string> Validate(OrganizationForm form, out string? siren)
    {
        form = form.Cleaned();
        var errors = new Dictionary<string, string>();
        siren = null;
        if (form.Name.Length == 0)
        {
            errors[nameof(form.Name)] = Text["NameRequired"];
        }

        Check(errors, nameof(form.Name), DocumentText.Problem(form.Name, Text["NameLabel"], FieldLimits.PlatformName));
        Check(errors, nameof(form.AddressLine), DocumentText.Problem(form.AddressLine, Text["AddressLabel"], FieldLimits.AddressLine, FieldLimits.AddressLines));
        Check(errors, nameof(form.PostalCode), DocumentText.Problem(form.PostalCode, Text["PostalCodeLabel"], FieldLimits.PostalCode));
        Check(errors, nameof(form.City), DocumentText.Problem(form.City, Text["CityLabel"], FieldLimits.City));
        Check(errors, nameof(form.Country), DocumentText.Problem(form.Country, Text["CountryLabel"], FieldLimits.Country));

        if (FieldText.Problem(form.BillingEmail, Text["BillingEmailLabel"], FieldLimits.Email) is { } emailProblem)
        {
            errors[nameof(form.BillingEmail)] = emailProblem;
        }
        else if (!IsEmail(form.BillingEmail))
        {
            errors[nameof(form.BillingEmail)] = Text["InvalidEmail"];
        }

        if (!BillingLanguage.IsSupported(form.BillingLanguage))
        {
            errors[nameof(form.BillingLanguage)] = UnsupportedBillingLanguageMessage;
        }

        if (!string.IsNullOrEmpty(form.Siren))
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

        return errors;
    }

    private static void Check(Dictionary<string, string> errors, string field, string? problem)
    {
        if (problem is not null)
        {
            errors.TryAdd(field, problem);
        }
    }

    /// <summary>
    /// Checks the optional VAT and RNA numbers, adding a message per invalid field to <paramref name="errors"/>;
    /// returns their normalised values (null when empty). A VAT number must carry the SIREN given beside it.
    /// </summary>
    public static (string? VatNumber, string? Rna) ValidateTaxIdentifiers(OrganizationForm form, string? siren, Dictionary<string, string> errors)
    {
        string? vatNumber = null;
        string? rna = null;
        if (!string.IsNullOrWhiteSpace(form.VatNumber))
        {
            var check = FrenchVatNumber.Validate(form.VatNumber);
            if (!check.IsValid)
            {
                errors[nameof(form.VatNumber)] = check.Error;
            }
            else if (siren is not null && FrenchVatNumber.SirenOf(check.Value) != siren)
            {
                errors[nameof(form.VatNumber)] = Text["VatNumberNotOfSiren"];
            }
            else
            {
                vatNumber = check.Value;
            }
        }

        if (!string.IsNullOrWhiteSpace(form.Rna))
        {
            var check = Rna.Validate(form.Rna);
            if (check.IsValid)
            {
                rna = check.Value;
            }
            else
            {
                errors[nameof(form.Rna)] = check.Error;
            }
        }

        return (vatNumber, rna);
    }

    /// <summary>
    /// Checks the optional service address on the cleaned values (<see cref="OrganizationForm.Cleaned"/>), with the
    /// postal address's limits, adding a message per invalid field to <paramref name="errors"/>. Every field empty is
    /// no service address (null); otherwise its address, postal code and city are all needed, and a blank country is France.
    /// </summary>
    public static ServiceAddress? ValidateServiceAddress(OrganizationForm form, Dictionary<string, string> errors)
    {
        form = form.Cleaned();
        string[] parts = [form.ServiceAddressLine, form.ServicePostalCode, form.ServiceCity, form.ServiceCountry];
        if (parts.All(p => p.Length == 0))
        {
            return null;
        }

        var before = errors.Count;
        Check(errors, nameof(form.ServiceAddressLine), DocumentText.Problem(form.ServiceAddressLine, Text["ServiceAddressLabel"], FieldLimits.AddressLine, FieldLimits.AddressLines));
        Check(errors, nameof(form.ServicePostalCode), DocumentText.Problem(form.ServicePostalCode, Text["ServicePostalCodeLabel"], FieldLimits.PostalCode));
        Check(errors, nameof(form.ServiceCity), DocumentText.Problem(form.ServiceCity, Text["ServiceCityLabel"], FieldLimits.City));
        Check(errors, nameof(form.ServiceCountry), DocumentText.Problem(form.ServiceCountry, Text["ServiceCountryLabel"], FieldLimits.Country));
        foreach (var (field, value) in new[]
                 {
                     (nameof(form.ServiceAddressLine), form.ServiceAddressLine),
                     (nameof(form.ServicePostalCode), form.ServicePostalCode),
                     (nameof(form.ServiceCity), form.ServiceCity),
                 })
        {
            if (value.Length == 0)
            {
                Check(errors, field, Text["ServiceAddressIncomplete"]);
            }
        }

        return errors.Count > before
            ? null
            : new ServiceAddress(form.ServiceAddressLine, form.ServicePostalCode, form.ServiceCity, form.ServiceCountry.Length == 0 ? Platform.DefaultCountry : form.ServiceCountry);
    }

    private static bool IsEmail(string value) =>
        value.Length > 0 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
