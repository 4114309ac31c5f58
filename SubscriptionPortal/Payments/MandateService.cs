using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Sepa;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments;

/// <summary>The current platform's SEPA mandate: shown masked, replaced after validation (SPEC §5).</summary>
internal sealed class MandateService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IPaymentNotifications notifications,
    IOptions<CreditorOptions> creditor,
    IOptions<SellerDetails> seller,
    TimeProvider clock)
{
    /// <summary>Calendar days before a collection by which its pre-notification (the invoice email) reaches the debtor, as the mandate agrees.</summary>
    public const int PreNotificationDays = 2;

    /// <summary>The mandate's terms, shown when signing and stored with the mandate.</summary>
    public string AuthorisationText => Terms(creditor.Value, seller.Value);

    /// <summary>What the terms name, in their order: the creditor, its address, its identifier, the pre-notification days.</summary>
    public object[] TermsArguments => [creditor.Value.Name, string.Join(", ", seller.Value.AddressLines), creditor.Value.Identifier, PreNotificationDays];

    /// <summary>The terms: who the creditor is (name, address, identifier), the refund right, and the agreed pre-notification period.</summary>
    public static string Terms(CreditorOptions creditor, SellerDetails seller) =>
        $"By signing this mandate, I authorise {creditor.Name} ({string.Join(", ", seller.AddressLines)}; SEPA creditor identifier {creditor.Identifier}) " +
        "to send instructions to my bank to debit my account, and my bank to debit it in accordance with those instructions. " +
        "I am entitled to a refund from my bank under the terms of my agreement with it, claimed within 8 weeks of the date my account was debited. " +
        $"I agree that the pre-notification of each debit (the invoice email, stating its amount and date) reaches me at least {PreNotificationDays} calendar days before the collection.";

    private static readonly IStringLocalizer Text = ResourceText.For(typeof(MandateService));

    /// <summary>The refusal when the platform is closed, in the reader's language.</summary>
    public static string ClosedMessage => Text["Closed"];

    public async Task<MandateSummary?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default) => (await GetViewAsync(user, ct))?.Mandate;

    /// <summary>Settings › Payment method: the active mandate, and whether the platform is closed (then read-only).</summary>
    public async Task<PaymentMethodView?> GetViewAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return null;
        }

        var mandate = await ActiveAsync(db, platformId, ct);
        var closed = await db.Platforms.AnyAsync(p => p.Id == platformId && p.Status == PlatformStatus.Closed, ct);
        return new PaymentMethodView(
            mandate is null ? null : new MandateSummary(mandate.AccountHolder, Iban.Mask(mandate.Iban), mandate.Reference, mandate.SignedOn, mandate.AgreementText),
            closed);
    }

    /// <summary>Checks a form without storing anything: field name → message.</summary>
    public static Dictionary<string, string> Validate(MandateForm form)
    {
        var errors = new Dictionary<string, string>();
        var holder = FieldText.Clean(form.AccountHolder);
        if (holder.Length == 0)
        {
            errors[nameof(form.AccountHolder)] = Text["HolderRequired"];
        }
        else if (FieldText.Problem(holder, Text["HolderLabel"], FieldLimits.AccountHolder) is { } problem)
        {
            errors[nameof(form.AccountHolder)] = problem;
        }
        else if (SepaText.Unwritable(holder) is { Count: > 0 } unwritable)
        {
            // The name goes into the bank's direct-debit file, which takes Latin letters only.
            errors[nameof(form.AccountHolder)] =
                Text["HolderNotLatin", string.Join(Text["And"], unwritable.Take(5).Select(c => $"« {c} »"))];
        }

        var iban = Iban.Validate(form.Iban);
        if (!iban.IsValid)
        {
            errors[nameof(form.Iban)] = iban.Error!;
        }

        if (!form.Authorised)
        {
            errors[nameof(form.Authorised)] = Text["AuthoriseRequired"];
        }

        return errors;
    }

    /// <summary>Signs a new mandate for the current platform, revoking the previous one. Refused while impersonating.</summary>
    public async Task<CommandResult> SignAsync(ClaimsPrincipal user, MandateForm form, CancellationToken ct = default)
    {
        var actor = Actor.From(user);
        if (actor.IsImpersonating)
        {
            return CommandResult.Invalid(Text["NotWhileImpersonating"]);
        }

        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(Text["NotSaved"], errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return CommandResult.NotFound();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId, ct);
        if (platform.Status == PlatformStatus.Closed)
        {
            return CommandResult.Invalid(ClosedMessage);
        }

        var now = clock.GetUtcNow();
        var today = PeriodMath.LocalDate(now, platform.TimeZone);
        var previous = await db.Mandates.Where(m => m.PlatformId == platformId && m.RevokedAtUtc == null).ToListAsync(ct);
        previous.ForEach(m => m.Revoke(now.UtcDateTime));
        var sequence = await db.Mandates.CountAsync(m => m.PlatformId == platformId, ct) + 1;
        var mandate = new SepaMandate(platformId, FieldText.Clean(form.AccountHolder), Iban.Validate(form.Iban).Value!,
            MandateReference.Create(platformId, today, sequence), today, now.UtcDateTime).WithAgreement(AuthorisationText);
        db.Mandates.Add(mandate);
        await notifications.MandateSignedAsync(db, mandate, replaced: previous.Count > 0, ct);
        db.AuditEntries.Add(actor.Entry(now.UtcDateTime, platformId, AuditActions.MandateSigned,
            $"SEPA mandate {mandate.Reference} signed for {Iban.Mask(mandate.Iban)}{(previous.Count > 0 ? $", replacing {previous[0].Reference}" : "")}."));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Ok;
    }

    // Read by every validated change and every page that shows the payment method: compiled once per model.
    private static readonly CompiledPerModel<Func<ApplicationDbContext, int, CancellationToken, Task<SepaMandate?>>> Active = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db, int platformId, CancellationToken ct) => db.Mandates
            .Where(m => m.PlatformId == platformId && m.RevokedAtUtc == null)
            .OrderByDescending(m => m.Id)
            .FirstOrDefault()));

    /// <summary>The platform's mandate in force (tracked), or null.</summary>
    public static Task<SepaMandate?> ActiveAsync(ApplicationDbContext db, int platformId, CancellationToken ct) => Active.For(db)(db, platformId, ct);

    /// <summary>The active mandate of each of <paramref name="platformIds"/> that has one, read in one query (a batch of renewals).</summary>
    public static async Task<Dictionary<int, SepaMandate>> ActiveAsync(ApplicationDbContext db, IReadOnlyCollection<int> platformIds, CancellationToken ct) =>
        (await db.Mandates.Where(m => platformIds.Contains(m.PlatformId) && m.RevokedAtUtc == null).ToListAsync(ct))
            .GroupBy(m => m.PlatformId)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!);
}
