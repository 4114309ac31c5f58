using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// What a change and a renewal both do when they bill a subscription: the buyer as the platform
/// reads today, and an invoice issued together with the direct
/// debit that collects what it leaves due, and the invoice email queued with them. One path, so the
/// two kinds of invoice cannot drift apart.
/// </summary>
internal sealed class PeriodInvoicing(DocumentIssuer issuer, EmailOutbox emails)
{
    /// <summary>
    /// Issues the invoice of <paramref name="billed"/> inside the caller's transaction and, when an
    /// amount is due and the platform has an active mandate, adds its direct debit to <paramref name="db"/>;
    /// the invoice email (the debit's pre-notification) is queued in the same transaction.
    /// </summary>
    /// <param name="charge">Euros: the balance applied and the amount left due, with the collection date of a debit.</param>
    /// <param name="settledByCreditNote">The credit note issued with a change, and the euros of it that settle this invoice.</param>
    /// <param name="number">The invoice's number when the caller took it beforehand, else the next one is taken.</param>
    public async Task<IssuedInvoice> IssueInvoiceAsync(
        ApplicationDbContext db,
        Platform platform,
        int subscriptionId,
        string idempotencyKey,
        DateOnly issueDate,
        DateTime issuedAtUtc,
        InvoiceCalculation billed,
        InvoiceCharge charge,
        SepaMandate? mandate,
        (string Number, decimal Amount)? settledByCreditNote,
        string? number,
        CancellationToken ct)
    {
        var debitDraft = charge.AmountDue > 0 && mandate is not null
            ? new DraftDirectDebit(Iban.Mask(mandate.Iban), mandate.Reference, charge.CollectionDate!.Value, charge.AmountDue)
            : null;
        var invoice = await issuer.IssueAsync(db, new DocumentDraft(
            DocumentKind.Invoice, platform.Id, subscriptionId, idempotencyKey, issueDate, issuedAtUtc,
            billed.Period, DocumentBuyers.Of(platform), billed.Lines, billed.Totals, charge.BalanceApplied, charge.AmountDue,
            Corrects: null, Reason: null, debitDraft,
            SettledByCreditNote: settledByCreditNote), number, ct);
        DirectDebit? debit = null;
        if (debitDraft is not null)
        {
            debit = new DirectDebit(platform.Id, invoice.Id, mandate!.Id, Money.ToCents(charge.AmountDue), debitDraft.CollectionDate, issuedAtUtc);
            db.DirectDebits.Add(debit);
        }

        await emails.InvoiceIssuedAsync(db, invoice, debit, ct);
        return new IssuedInvoice(invoice, debit);
    }

    /// <summary>The same, with the platform's active mandate, read inside the caller's transaction.</summary>
    public async Task<IssuedInvoice> IssueInvoiceAsync(ApplicationDbContext db, Platform platform, int subscriptionId, string idempotencyKey,
        DateOnly issueDate, DateTime issuedAtUtc, InvoiceCalculation billed, InvoiceCharge charge, CancellationToken ct) =>
        await IssueInvoiceAsync(db, platform, subscriptionId, idempotencyKey, issueDate, issuedAtUtc, billed, charge,
            await MandateService.ActiveAsync(db, platform.Id, ct), settledByCreditNote: null, number: null, ct);
}

/// <summary>How an invoice is paid, euros: from the balance first, then <see cref="AmountDue"/> by debit on <see cref="CollectionDate"/>.</summary>
internal sealed record InvoiceCharge(decimal BalanceApplied, decimal AmountDue, DateOnly? CollectionDate);

/// <summary>An invoice just issued, and its direct debit when one collects it.</summary>
internal sealed record IssuedInvoice(BillingDocument Invoice, DirectDebit? Debit);
