using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Billing;

/// <summary>
/// Issues one invoice or credit note inside the caller's transaction: takes its number, renders
/// its PDF once (dated on its issue date) and stores the bytes with their hash.
/// </summary>
internal sealed class DocumentIssuer(IDocumentRenderer renderer, IOptions<SellerDetails> seller)
{
    public Task<BillingDocument> IssueAsync(ApplicationDbContext db, DocumentDraft draft, CancellationToken ct = default) =>
        IssueAsync(db, draft, number: null, ct);

    /// <summary>
    /// Issues the draft under <paramref name="number"/> when the caller took it beforehand (a credit
    /// note names the invoice issued with it, so that invoice's number is taken first), else the next one.
    /// </summary>
    public async Task<BillingDocument> IssueAsync(ApplicationDbContext db, DocumentDraft draft, string? number, CancellationToken ct = default)
    {
        number ??= await DocumentNumbering.NextAsync(db, draft.Kind, draft.IssueDate.Year, ct);
        var lines = draft.Lines
            .Select((l, i) => new DocumentLine(i + 1, l.Description, l.Period.Start, l.Period.End, l.Quantity,
                Money.ToCents(l.UnitPriceExcludingVat), Money.ToCents(l.TotalExcludingVat)))
            .ToList();
        var document = new BillingDocument(
            draft.Kind,
            number,
            draft.PlatformId,
            draft.SubscriptionId,
            draft.IdempotencyKey,
            draft.IssueDate,
            draft.IssuedAtUtc,
            draft.Period.Start,
            draft.Period.End,
            draft.Buyer.Name,
            string.Join("\n", draft.Buyer.AddressLines),
            draft.Buyer.Siren,
            Money.ToCents(draft.Totals.ExcludingVat),
            (int)(draft.Totals.VatRate * 10000m),
            Money.ToCents(draft.Totals.Vat),
            Money.ToCents(draft.BalanceApplied),
            Money.ToCents(draft.AmountDue),
            draft.Corrects?.Id,
            draft.Reason,
            lines,
            draft.Buyer.Language);
        document.AttachPdf(renderer.Render(ToModel(number, draft, seller.Value)));
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>The layout model: every figure comes from the draft, nothing is computed here but presentation.</summary>
    public static BillingDocumentModel ToModel(string number, DocumentDraft draft, SellerDetails seller)
    {
        return new BillingDocumentModel
        {
            Kind = draft.Kind,
            Number = number,
            IssueDate = draft.IssueDate,
            Language = draft.Buyer.Language,
            Seller = seller,
            Buyer = new BuyerDetails
            {
                Name = draft.Buyer.Name,
                AddressLines = draft.Buyer.AddressLines,
                Siren = draft.Buyer.Siren,
                VatNumber = draft.Buyer.VatNumber,
                Rna = draft.Buyer.Rna,
                Email = draft.Buyer.Email,
                Address = draft.Buyer.Address,
                ServiceAddress = draft.Buyer.ServiceAddress,
            },
            ServicePeriod = draft.Period,
            Lines = draft.Lines,
            VatSummary = [draft.Totals],
            Totals = draft.Totals,
            Payment = new PaymentDetails
            {
                DirectDebit = draft.DirectDebit is { } d ? new SepaDirectDebitDetails(d.MaskedIban, d.MandateReference, d.CollectionDate, d.Amount) : null,
                PaidFromAccountBalance = draft.BalanceApplied,
                CreditedToAccountBalance = draft.CreditedToBalance,
                AppliedToInvoice = draft.AppliedToInvoice,
                SettledByCreditNote = draft.SettledByCreditNote is { } settled ? new CreditNoteSettlement(settled.Number, settled.Amount) : null,
            },
            CorrectedInvoice = draft.Corrects is { } c ? new CorrectedInvoiceReference(c.Number, c.IssueDate, draft.Reason ?? "") : null,
        };
    }
}
