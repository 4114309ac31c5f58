using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Emails;

/// <summary>
/// Queues the portal's emails in the caller's context, to be saved with the change that causes them: if
/// the change rolls back there is no email, if it commits the email will go. Each email is written at once,
/// in the platform's billing language, to the platform's billing email (else its admins).
/// </summary>
internal sealed class EmailOutbox(
    IStringLocalizer<EmailTexts> texts,
    IOptions<EmailOptions> options,
    IOptions<CreditorOptions> creditor,
    IOptions<SellerDetails> seller,
    TimeProvider clock) : IPaymentNotifications
{
    /// <summary>Email 1: the invoice, and the pre-notification of its direct debit when there is one.</summary>
    public async Task InvoiceIssuedAsync(ApplicationDbContext db, BillingDocument invoice, DirectDebit? debit, CancellationToken ct = default)
    {
        // The change that issued the invoice usually holds its mandate already: no second read.
        var mandate = debit is null ? null
            : db.Tracked<SepaMandate, int>(debit.MandateId) ?? await db.Mandates.AsNoTracking().SingleAsync(m => m.Id == debit.MandateId, ct);
        await QueueAsync(db, invoice.PlatformId, EmailKind.InvoiceIssued, (L, body) =>
        {
            body.Paragraph(L["InvoiceIssuedIntro", invoice.Number]);
            var facts = new List<(string, string)>
            {
                (L["InvoiceNumber"], invoice.Number),
                (L["ServicePeriod"], Format.Period(invoice.PeriodStart, invoice.PeriodEnd)),
                (L["AmountIncludingVat"], Format.Eur(Money.FromCents(invoice.TotalIncludingVatCents))),
            };
            if (invoice.BalanceAppliedCents > 0)
            {
                facts.Add((L["PaidFromBalance"], Format.Eur(Money.FromCents(invoice.BalanceAppliedCents))));
            }

            if (debit is not null && mandate is not null)
            {
                var amount = Format.Eur(Money.FromCents(debit.AmountCents));
                var date = Format.Date(debit.CollectionDate);
                facts.Add((L["AmountDebited"], amount));
                facts.Add((L["CollectionDate"], date));
                facts.Add((L["MandateReference"], mandate.Reference));
                facts.Add((L["CreditorIdentifier"], creditor.Value.Identifier));
                body.Facts([.. facts]);
                body.Paragraph(L["PreNotification", amount, Iban.Mask(mandate.Iban), date, mandate.Reference, creditor.Value.Name, creditor.Value.Identifier]);
            }
            else
            {
                body.Facts([.. facts]);
                if (invoice.AmountDueCents == 0)
                {
                    body.Paragraph(L["NothingDebited"]);
                }
            }

            body.Link(L["SeeInvoices"], Url("settings/invoices"));
            return L["InvoiceIssuedSubject", invoice.Number];
        }, invoice, ct);
    }

    /// <summary>Email 2: the credit note of a plan change, and where its amount went.</summary>
    /// <param name="corrected">The number of the invoice it corrects.</param>
    /// <param name="appliedTo">The invoice it was deducted from, and how much.</param>
    /// <param name="creditedToBalance">What went to the account balance (euros).</param>
    public Task CreditNoteIssuedAsync(ApplicationDbContext db, BillingDocument creditNote, string corrected, (string Number, decimal Amount)? appliedTo,
        decimal creditedToBalance, CancellationToken ct = default) =>
        QueueCreditNoteAsync(db, creditNote, corrected, appliedTo, creditedToBalance, settledDebt: false, ct);

    /// <summary>Email 2 for a write-off: the credit note settles what remained unpaid of the invoice it corrects.</summary>
    public Task DebtWrittenOffAsync(ApplicationDbContext db, BillingDocument creditNote, string invoiceNumber, CancellationToken ct = default) =>
        QueueCreditNoteAsync(db, creditNote, invoiceNumber, appliedTo: null, creditedToBalance: 0m, settledDebt: true, ct);

    private async Task QueueCreditNoteAsync(ApplicationDbContext db, BillingDocument creditNote, string corrected, (string Number, decimal Amount)? appliedTo,
        decimal creditedToBalance, bool settledDebt, CancellationToken ct) =>
        await QueueAsync(db, creditNote.PlatformId, EmailKind.CreditNoteIssued, (L, body) =>
        {
            var total = Money.FromCents(creditNote.TotalIncludingVatCents);
            body.Paragraph(L["CreditNoteIssuedIntro", creditNote.Number, corrected])
                .Facts(
                    (L["CreditNoteNumber"], creditNote.Number),
                    (L["CorrectedInvoice"], corrected),
                    (L["CreditedPeriod"], Format.Period(creditNote.PeriodStart, creditNote.PeriodEnd)),
                    (L["AmountIncludingVat"], Format.Eur(total)));
            if (settledDebt)
            {
                body.Paragraph(L["CreditSettlesDebt", Format.Eur(total), corrected]);
            }

            if (appliedTo is { } applied && applied.Amount > 0)
            {
                body.Paragraph(L["CreditAppliedToInvoice", Format.Eur(applied.Amount), applied.Number]);
            }

            if (creditedToBalance > 0)
            {
                body.Paragraph(L["CreditToBalance", Format.Eur(creditedToBalance)]);
            }

            body.Link(L["SeeInvoices"], Url("settings/invoices"));
            return L["CreditNoteIssuedSubject", creditNote.Number];
        }, creditNote, ct);

    /// <summary>
    /// Email 3 and the later steps of dunning: a debit failed (the bank's reason, what happens next), the
    /// platform restricted or suspended, or active again once paid.
    /// </summary>
    public Task OverdueStateChangedAsync(ApplicationDbContext db, OverdueStateChanged change, DunningAssessment assessment, CancellationToken ct = default)
    {
        var oldest = assessment.Oldest;
        if (change.To != OverdueState.Active && oldest is null)
        {
            return Task.CompletedTask;
        }

        return QueueAsync(db, change.PlatformId, change.To == OverdueState.PaymentFailed ? EmailKind.DirectDebitFailed : EmailKind.OverdueStateChanged, (L, body) =>
        {
            var due = Format.Eur(Money.FromCents(assessment.UnpaidCents));
            switch (change.To)
            {
                case OverdueState.PaymentFailed:
                    var reason = oldest!.Reason;
                    body.Paragraph(L["DebitFailedIntro", Format.Eur(Money.FromCents(oldest.UnpaidCents)), oldest.Number]);
                    var facts = new List<(string, string)>
                    {
                        (L["InvoiceNumber"], oldest.Number),
                        (L["AmountDue"], due),
                        (L["BankReason"], ReasonText(L, oldest.LastReasonCode)),
                    };
                    if (assessment.NextAttemptOn is { } next)
                    {
                        facts.Add((L["NextAttempt"], Format.Date(next)));
                    }

                    body.Facts([.. facts]);
                    body.Paragraph(reason?.NeedsNewMandate == true || assessment.NextAttemptOn is null
                        ? L["DebitNeedsNewMandate"]
                        : L["DebitWillBeRetried", Format.Date(assessment.NextAttemptOn.Value)]);
                    body.Paragraph(L["DebitFailedConsequences"]);
                    body.Link(L["OpenPaymentMethod"], Url("settings/payment-method"));
                    return L["DebitFailedSubject", oldest.Number];
                case OverdueState.Restricted:
                    body.Paragraph(L["RestrictedIntro", oldest!.Number, oldest.Days, due]);
                    body.Link(L["OpenPaymentMethod"], Url("settings/payment-method"));
                    return L["RestrictedSubject", oldest.Number];
                case OverdueState.Suspended:
                    body.Paragraph(L["SuspendedIntro", oldest!.Number, oldest.Days, due]);
                    body.Link(L["OpenPaymentMethod"], Url("settings/payment-method"));
                    return L["SuspendedSubject", oldest.Number];
                default:
                    body.Paragraph(L["PaidAgainIntro"]);
                    body.Link(L["SeeInvoices"], Url("settings/invoices"));
                    return L["PaidAgainSubject"];
            }
        }, null, ct);
    }

    /// <summary>Email 4: the subscription is cancelled and ends on <paramref name="endsOn"/> (the last day of service is the day before).</summary>
    public Task SubscriptionCancelledAsync(ApplicationDbContext db, int platformId, string offerName, DateOnly endsOn, CancellationToken ct = default) =>
        QueueAsync(db, platformId, EmailKind.SubscriptionCancelled, (L, body) =>
        {
            var end = Format.Date(endsOn);
            body.Paragraph(L["CancelledIntro", offerName, end])
                .Facts((L["Offer"], offerName), (L["EndDate"], end))
                .Paragraph(L["ExportBefore", end])
                .Paragraph(L["ResumeUntil"])
                .Link(L["OpenDataExport"], Url("settings/export"));
            return L["CancelledSubject", end];
        }, null, ct);

    /// <summary>
    /// Email 5: a cancelled subscription ends soon (sent 7 days before); the same export reminder as at the
    /// cancellation. Queued once per subscription and end date, however often the reminder job runs.
    /// </summary>
    /// <returns>False when it was already queued (or the platform has no recipient).</returns>
    public Task<bool> ClosingSoonAsync(ApplicationDbContext db, int platformId, int subscriptionId, string offerName, DateOnly endsOn, CancellationToken ct = default) =>
        QueueOnceAsync(db, platformId, EmailKind.ClosingSoon, string.Create(CultureInfo.InvariantCulture, $"closing-soon:{subscriptionId}:{endsOn:yyyy-MM-dd}"), (L, body) =>
        {
            var end = Format.Date(endsOn);
            body.Paragraph(L["ClosingSoonIntro", end])
                .Facts((L["Offer"], offerName), (L["EndDate"], end))
                .Paragraph(L["ExportBefore", end])
                .Paragraph(L["ResumeUntil"])
                .Link(L["OpenDataExport"], Url("settings/export"));
            return L["ClosingSoonSubject", end];
        }, ct);

    /// <summary>Email 6: the platform is closed: what stays readable, how to start again for free. Queued with the closure.</summary>
    public Task<bool> PlatformClosedAsync(ApplicationDbContext db, int platformId, int subscriptionId, string platformName, CancellationToken ct = default) =>
        QueueOnceAsync(db, platformId, EmailKind.PlatformClosed, string.Create(CultureInfo.InvariantCulture, $"platform-closed:{platformId}:{subscriptionId}"), (L, body) =>
        {
            body.Paragraph(L["ClosedIntro"])
                .Paragraph(L["ClosedReadable"])
                .Link(L["OpenDataExport"], Url("settings/export"))
                .Link(L["SeeInvoices"], Url("settings/invoices"))
                .Paragraph(L["ClosedNewPlatform"]);
            return L["ClosedSubject", platformName];
        }, ct);

    /// <summary>
    /// Email 9: an annual subscription renews on <paramref name="renewsOn"/> (sent 30 days before): offer, tier,
    /// amount, and the expected collection date when the renewal will be debited. Queued once per renewal date.
    /// </summary>
    /// <param name="amount">The renewal invoice, euros including VAT.</param>
    /// <param name="fromBalance">What the account balance will pay of it, euros.</param>
    /// <param name="collectionDate">When the rest is debited; null when nothing will be debited.</param>
    public Task<bool> RenewalReminderAsync(ApplicationDbContext db, int platformId, int subscriptionId, string offerName, int tierMaxContacts, DateOnly renewsOn,
        decimal amount, decimal fromBalance, DateOnly? collectionDate, CancellationToken ct = default) =>
        QueueOnceAsync(db, platformId, EmailKind.RenewalReminder, string.Create(CultureInfo.InvariantCulture, $"renewal-reminder:{subscriptionId}:{renewsOn:yyyy-MM-dd}"), (L, body) =>
        {
            var date = Format.Date(renewsOn);
            var facts = new List<(string, string)>
            {
                (L["Offer"], offerName),
                (L["Tier"], Format.Contacts(tierMaxContacts)),
                (L["RenewalAmount"], Format.Eur(amount)),
            };
            if (fromBalance > 0)
            {
                facts.Add((L["PaidFromBalance"], Format.Eur(fromBalance)));
            }

            if (collectionDate is { } collection)
            {
                facts.Add((L["RenewalCollection"], L["RenewalCollectionValue", Format.Date(collection)]));
            }

            body.Paragraph(L["RenewalReminderIntro", date])
                .Facts([.. facts])
                .Paragraph(L["RenewalChangeOrCancel"])
                .Link(L["OpenSubscriptionPlan"], Url("settings/subscription"));
            return L["RenewalReminderSubject", date];
        }, ct);

    /// <summary>Email 7: a mandate was signed, or replaced an earlier one.</summary>
    public Task MandateSignedAsync(ApplicationDbContext db, SepaMandate mandate, bool replaced, CancellationToken ct = default) =>
        QueueAsync(db, mandate.PlatformId, EmailKind.MandateSigned, (L, body) =>
        {
            body.Paragraph(L[replaced ? "MandateReplacedIntro" : "MandateSignedIntro"])
                .Facts(
                    (L["MandateReference"], mandate.Reference),
                    (L["AccountHolder"], mandate.AccountHolder),
                    (L["DebitedAccount"], Iban.Mask(mandate.Iban)),
                    (L["SignedOn"], Format.Date(mandate.SignedOn)),
                    (L["CreditorName"], creditor.Value.Name),
                    (L["CreditorAddress"], string.Join(", ", seller.Value.AddressLines)),
                    (L["CreditorIdentifier"], creditor.Value.Identifier),
                    (L["PreNotificationPeriod"], L["PreNotificationPeriodValue"]))
                .Link(L["OpenPaymentMethod"], Url("settings/payment-method"));
            return L["MandateSignedSubject", mandate.Reference];
        }, null, ct);

    /// <summary>Email 8: a support agent started acting as one of the platform's admins.</summary>
    public Task ImpersonationStartedAsync(ApplicationDbContext db, int platformId, string agentName, string adminName, string reason, DateTime startedAtUtc,
        CancellationToken ct = default) =>
        QueueAsync(db, platformId, EmailKind.ImpersonationStarted, (L, body) =>
        {
            var at = Format.DateTime(startedAtUtc, TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone));
            body.Paragraph(L["ImpersonationIntro", agentName, adminName, at])
                .Facts((L["Agent"], agentName), (L["Reason"], reason), (L["StartedAt"], at))
                .Paragraph(L["ImpersonationRecord"])
                .Link(L["OpenActivity"], Url("settings/activity"));
            return L["ImpersonationSubject", adminName];
        }, null, ct);

    /// <summary>The confirmation of a billing email change, to the old and the new address.</summary>
    public Task BillingEmailChangedAsync(ApplicationDbContext db, int platformId, string platformName, string oldAddress, string newAddress, CancellationToken ct = default) =>
        QueueAsync(db, platformId, EmailKind.BillingEmailChanged, (L, body) =>
        {
            body.Paragraph(L["BillingEmailChangedIntro", platformName, oldAddress, newAddress])
                .Paragraph(L["BillingEmailChangedNotYou"]);
            return L["BillingEmailChangedSubject", platformName];
        }, null, ct, recipients: string.Join(", ", new[] { oldAddress, newAddress }.Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)));

    private delegate string Compose(IStringLocalizer L, EmailBody body);

    private async Task<bool> QueueAsync(ApplicationDbContext db, int platformId, EmailKind kind, Compose compose, BillingDocument? attachment, CancellationToken ct,
        string? recipients = null, string? onceKey = null)
    {
        // The change that causes the email usually holds its platform already: no second read.
        var platform = db.Tracked<Platform, int>(platformId) ?? await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == platformId, ct);
        recipients ??= await RecipientsAsync(db, platform, ct);
        if (recipients.Length == 0)
        {
            return false;
        }

        var language = EmailLanguage.Of(platform);
        var (subject, html, text) = Write(language, platform.Name, compose);
        db.OutboxMessages.Add(new OutboxMessage(Guid.NewGuid(), platformId, kind, language, recipients, subject, html, text,
            attachment?.Id, attachment is null ? null : $"{attachment.Number}.pdf", clock.GetUtcNow().UtcDateTime, onceKey));
        return true;
    }

    /// <summary>
    /// Queues an email a job sends about a date, unless one with <paramref name="onceKey"/> is already stored (or
    /// staged in <paramref name="db"/>). Two runs racing past this check meet the key's unique index: the second
    /// save fails and its caller treats the email as already queued.
    /// </summary>
    private async Task<bool> QueueOnceAsync(ApplicationDbContext db, int platformId, EmailKind kind, string onceKey, Compose compose, CancellationToken ct)
    {
        if (db.AnyTracked<OutboxMessage, string>(nameof(OutboxMessage.OnceKey), onceKey) || await db.OutboxMessages.AnyAsync(m => m.OnceKey == onceKey, ct))
        {
            return false;
        }

        return await QueueAsync(db, platformId, kind, compose, null, ct, onceKey: onceKey);
    }

    /// <summary>The billing email, else every admin's address.</summary>
    private static async Task<string> RecipientsAsync(ApplicationDbContext db, Platform platform, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(platform.BillingEmail))
        {
            return platform.BillingEmail.Trim();
        }

        var admins = await (from m in db.Memberships
                            join u in db.Users on m.UserId equals u.Id
                            where m.PlatformId == platform.Id && u.Email != null
                            orderby u.Email
                            select u.Email!).ToListAsync(ct);
        return string.Join(", ", admins);
    }

    /// <summary>Writes the email in <paramref name="language"/>: texts, amounts and dates.</summary>
    private (string Subject, string Html, string Text) Write(string language, string platformName, Compose compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var body = new EmailBody().Paragraph(texts["Greeting", platformName]);
            var subject = compose(texts, body);
            body.Paragraph(texts["SignOff"]).Paragraph(texts["Footer", platformName]);
            return (subject, body.Html(language), body.Text());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static string ReasonText(IStringLocalizer L, string code)
    {
        var text = L["Reason" + code];
        return text.ResourceNotFound ? L["ReasonUnknown", code] : $"{text.Value} ({code})";
    }

    private string Url(string path) => options.Value.PortalUrl.TrimEnd('/') + "/" + path;
}
