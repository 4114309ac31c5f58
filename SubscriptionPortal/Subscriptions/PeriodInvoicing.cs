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
    /// Issues the invoices of <paramref name="requests"/> together inside the caller's transaction, numbered in
    /// the order given (<see cref="DocumentIssuer.IssueAllAsync"/>), each with its debit and its email
    /// (<see cref="CollectAsync"/>). The debits and emails are added, not saved: the caller saves them with the rest of its work.
    /// </summary>
    /// <param name="renderedAhead">The PDFs <see cref="RenderAhead"/> rendered for what these requests were expected to be, if any.</param>
    public async Task<IReadOnlyList<IssuedInvoice>> IssueInvoicesAsync(ApplicationDbContext db, IReadOnlyList<InvoiceRequest> requests, PdfsRenderedAhead? renderedAhead,
        CancellationToken ct)
    {
        var drafts = requests.Select(r => Draft(r, settledByCreditNote: null)).ToList();
        var invoices = await issuer.IssueAllAsync(db, drafts, renderedAhead, ct);
        var issued = new List<IssuedInvoice>(invoices.Count);
        for (var i = 0; i < invoices.Count; i++)
        {
            issued.Add(await CollectAsync(db, invoices[i], drafts[i], requests[i].Mandate, ct));
        }

        return issued;
    }

    /// <summary>
    /// Starts rendering, on the thread pool, the invoices of the requests <paramref name="guess"/> expects to come next (it may read
    /// the database), under the numbers that follow <paramref name="issued"/>: what a later <see cref="IssueInvoicesAsync"/> issues
    /// exactly as guessed, it need not render then.
    /// </summary>
    public PdfsRenderedAhead RenderAhead(Func<CancellationToken, Task<IReadOnlyList<InvoiceRequest>>> guess, IReadOnlyList<BillingDocument> issued,
        CancellationToken ct) =>
        issuer.RenderAhead(async token =>
        {
            var drafts = (await guess(token)).Select(r => Draft(r, settledByCreditNote: null)).ToList();
            var numbers = DocumentNumbering.Following(issued.Select(d => d.Number), [.. drafts.Select(d => (d.Kind, d.IssueDate.Year))]);
            return [.. drafts.Zip(numbers).Where(d => d.Second is not null).Select(d => new NumberedDraft(d.First, d.Second!))];
        }, ct);

    /// <summary>
    /// The invoice's draft: the buyer as the platform reads today and, when an amount is due and the platform has
    /// an active mandate, its direct debit.
    /// </summary>
    /// <param name="settledByCreditNote">The credit note issued with a change, and the euros of it that settle this invoice.</param>
    public static DocumentDraft Draft(InvoiceRequest request, (string Number, decimal Amount)? settledByCreditNote)
    {
        var (platform, charge, mandate) = (request.Platform, request.Charge, request.Mandate);
        var debitDraft = charge.AmountDue > 0 && mandate is not null
            ? new DraftDirectDebit(Iban.Mask(mandate.Iban), mandate.Reference, charge.CollectionDate!.Value, charge.AmountDue)
            : null;
        return new DocumentDraft(
            DocumentKind.Invoice, platform.Id, request.SubscriptionId, request.IdempotencyKey, request.IssueDate, request.IssuedAtUtc,
            request.Billed.Period, DocumentBuyers.Of(platform), request.Billed.Lines, request.Billed.Totals, charge.BalanceApplied, charge.AmountDue,
            Corrects: null, Reason: null, debitDraft,
            SettledByCreditNote: settledByCreditNote);
    }

    /// <summary>
    /// Adds the issued invoice's direct debit to <paramref name="db"/>, when its draft has one, and queues its email
    /// (the debit's pre-notification), to be saved in the caller's transaction.
    /// </summary>
    public async Task<IssuedInvoice> CollectAsync(ApplicationDbContext db, BillingDocument invoice, DocumentDraft draft, SepaMandate? mandate, CancellationToken ct)
    {
        DirectDebit? debit = null;
        if (draft.DirectDebit is { } debitDraft)
        {
            debit = new DirectDebit(invoice.PlatformId, invoice.Id, mandate!.Id, Money.ToCents(debitDraft.Amount), debitDraft.CollectionDate, draft.IssuedAtUtc);
            db.DirectDebits.Add(debit);
        }

        await emails.InvoiceIssuedAsync(db, invoice, debit, ct);
        return new IssuedInvoice(invoice, debit);
    }
}

/// <summary>How an invoice is paid, euros: from the balance first, then <see cref="AmountDue"/> by debit on <see cref="CollectionDate"/>.</summary>
internal sealed record InvoiceCharge(decimal BalanceApplied, decimal AmountDue, DateOnly? CollectionDate);

/// <summary>
/// One invoice to issue (a change's, or one of a renewal batch): the platform as the transaction holds it, what is billed and how it is paid, with the
/// platform's active <paramref name="Mandate"/> (null when it has none: the invoice then awaits payment).
/// </summary>
internal sealed record InvoiceRequest(
    Platform Platform,
    int SubscriptionId,
    string IdempotencyKey,
    DateOnly IssueDate,
    DateTime IssuedAtUtc,
    InvoiceCalculation Billed,
    InvoiceCharge Charge,
    SepaMandate? Mandate);

/// <summary>An invoice just issued, and its direct debit when one collects it.</summary>
internal sealed record IssuedInvoice(BillingDocument Invoice, DirectDebit? Debit);
