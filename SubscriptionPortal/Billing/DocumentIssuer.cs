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
    public async Task<BillingDocument> IssueAsync(ApplicationDbContext db, DocumentDraft draft, CancellationToken ct = default)
    {
        var number = await DocumentNumbering.NextAsync(db, draft.Kind, draft.IssueDate.Year, ct);
        var lines = draft.Lines
            .Select((l, i) => new DocumentLine(i + 1, l.Description, l.PeriodStart, l.PeriodEndExclusive, l.Quantity,
                Money.ToCents(l.UnitPriceHt), Money.ToCents(l.TotalHt)))
            .ToList();
        var document = new BillingDocument(
            draft.Kind,
            number,
            draft.PlatformId,
            draft.SubscriptionId,
            draft.IdempotencyKey,
            draft.IssueDate,
            draft.IssuedAtUtc,
            draft.PeriodStart,
            draft.PeriodEndExclusive,
            draft.Buyer.Name,
            string.Join("\n", draft.Buyer.AddressLines),
            draft.Buyer.Siren,
            Money.ToCents(draft.TotalHt),
            (int)(draft.VatRate * 10000m),
            Money.ToCents(draft.Vat),
            Money.ToCents(draft.BalanceApplied),
            Money.ToCents(draft.AmountDue),
            draft.Corrects?.Id,
            draft.Reason,
            lines);
        document.AttachPdf(renderer.Render(ToModel(number, draft, seller.Value)));
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>The layout model: every figure comes from the draft, nothing is computed here but presentation.</summary>
    public static BillingDocumentModel ToModel(string number, DocumentDraft draft, SellerDetails seller)
    {
        var ratePercent = draft.VatRate * 100m;
        return new BillingDocumentModel
        {
            Kind = draft.Kind == DocumentKind.Invoice ? BillingDocumentKind.Invoice : BillingDocumentKind.CreditNote,
            Number = number,
            IssueDate = draft.IssueDate,
            Seller = seller,
            Buyer = new BuyerDetails { Name = draft.Buyer.Name, AddressLines = draft.Buyer.AddressLines, Siren = draft.Buyer.Siren },
            ServicePeriod = new BillingDocumentPeriod(draft.PeriodStart, draft.PeriodEndExclusive),
            Lines = draft.Lines
                .Select(l => new BillingDocumentLine(l.Description, new BillingDocumentPeriod(l.PeriodStart, l.PeriodEndExclusive),
                    l.Quantity, l.UnitPriceHt, ratePercent, l.TotalHt))
                .ToList(),
            VatSummary = [new VatSummaryLine(ratePercent, draft.TotalHt, draft.Vat)],
            TotalExcludingVat = draft.TotalHt,
            TotalVat = draft.Vat,
            TotalIncludingVat = draft.TotalHt + draft.Vat,
            Payment = new PaymentDetails
            {
                DirectDebit = draft.DirectDebit is { } d ? new SepaDirectDebitDetails(d.MaskedIban, d.MandateReference, d.CollectionDate, d.Amount) : null,
                PaidFromAccountBalance = draft.BalanceApplied,
                CreditedToAccountBalance = draft.CreditedToBalance,
                SettledByCreditNote = draft.SettledByCreditNote is { } settled ? new CreditNoteSettlement(settled.Number, settled.Amount) : null,
            },
            CorrectedInvoice = draft.Corrects is { } c ? new CorrectedInvoiceReference(c.Number, c.IssueDate, draft.Reason ?? "") : null,
        };
    }
}
