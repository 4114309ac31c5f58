using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Billing;

/// <summary>
/// Issues invoices and credit notes inside the caller's transaction: takes each one's number, renders
/// its PDF once (dated on its issue date) and stores the bytes with their hash.
/// </summary>
internal sealed class DocumentIssuer(IDocumentRenderer renderer, IOptions<SellerDetails> seller)
{
    public Task<BillingDocument> IssueAsync(ApplicationDbContext db, DocumentDraft draft, CancellationToken ct = default) =>
        IssueAsync(db, draft, number: null, ct);

    /// <summary>
    /// Issues the draft under <paramref name="number"/> when the caller took it beforehand, else the next one.
    /// </summary>
    public async Task<BillingDocument> IssueAsync(ApplicationDbContext db, DocumentDraft draft, string? number, CancellationToken ct = default)
    {
        number ??= await DocumentNumbering.NextAsync(db, draft.Kind, draft.IssueDate.Year, ct);
        return (await IssueNumberedAsync(db, [new NumberedDraft(draft, number)], ct: ct))[0];
    }

    /// <summary>
    /// Issues several drafts inside the caller's transaction, numbered in the order given: each series and year
    /// takes its block of numbers in one statement, then <see cref="IssueNumberedAsync"/> issues them.
    /// </summary>
    /// <param name="renderedAhead">PDFs rendered beforehand for what these drafts were expected to be, if any (<see cref="RenderAhead"/>).</param>
    public async Task<IReadOnlyList<BillingDocument>> IssueAllAsync(ApplicationDbContext db, IReadOnlyList<DocumentDraft> drafts, PdfsRenderedAhead? renderedAhead = null,
        CancellationToken ct = default)
    {
        var numbers = new string[drafts.Count];
        foreach (var series in Enumerable.Range(0, drafts.Count).GroupBy(i => (drafts[i].Kind, drafts[i].IssueDate.Year)))
        {
            var indexes = series.ToList();
            var block = await DocumentNumbering.NextAsync(db, series.Key.Kind, series.Key.Year, indexes.Count, ct);
            for (var i = 0; i < indexes.Count; i++)
            {
                numbers[indexes[i]] = block[i];
            }
        }

        return await IssueNumberedAsync(db, drafts.Select((draft, i) => new NumberedDraft(draft, numbers[i])).ToList(), renderedAhead, ct);
    }

    /// <summary>
    /// Issues drafts under the numbers the caller took for them in this transaction (a plan change takes its
    /// invoice's number first, because its credit note names that invoice): the PDFs are rendered in parallel
    /// (the renderer is thread-safe, and a render is CPU work of a fraction of a millisecond), and they are inserted
    /// with their lines, outside the change tracker: the documents returned carry their ids and are not tracked.
    /// </summary>
    /// <param name="renderedAhead">PDFs rendered beforehand: one is used only for a document whose layout model is exactly the one it was rendered from.</param>
    public async Task<IReadOnlyList<BillingDocument>> IssueNumberedAsync(ApplicationDbContext db, IReadOnlyList<NumberedDraft> drafts, PdfsRenderedAhead? renderedAhead = null,
        CancellationToken ct = default)
    {
        var documents = drafts.Select(d => NewDocument(d.Number, d.Draft)).ToArray();
        var models = drafts.Select(d => ToModel(d.Number, d.Draft, seller.Value)).ToArray();
        var pdfs = new byte[drafts.Count][];
        var toRender = new List<int>(drafts.Count);
        for (var i = 0; i < models.Length; i++)
        {
            if (renderedAhead is null || await renderedAhead.TakeAsync(models[i]) is not { } pdf)
            {
                toRender.Add(i);
            }
            else
            {
                pdfs[i] = pdf;
            }
        }

        // The documents are numbered and the counter's row stays locked until the commit: rendering them all at
        // once, one per core, shortens the time every other issuer waits for it, and the caller's own wait.
        try
        {
            Parallel.For(0, toRender.Count, new ParallelOptions { CancellationToken = ct }, k => pdfs[toRender[k]] = renderer.Render(models[toRender[k]]));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // One render failed: the caller sees its exception as if the documents had been rendered one by one.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        for (var i = 0; i < documents.Length; i++)
        {
            documents[i].AttachPdf(pdfs[i]);
        }

        await InsertAsync(db, documents, ct);
        return documents;
    }

    /// <summary>
    /// Starts rendering, on the thread pool, the PDFs of the drafts <paramref name="guess"/> expects to issue next, under
    /// the numbers it expects them to take, for a later <see cref="IssueAllAsync"/> to use those it issues exactly as guessed.
    /// </summary>
    public PdfsRenderedAhead RenderAhead(Func<CancellationToken, Task<IReadOnlyList<NumberedDraft>>> guess, CancellationToken ct = default) =>
        PdfsRenderedAhead.Start(async token => [.. (await guess(token)).Select(d => ToModel(d.Number, d.Draft, seller.Value))], renderer, ct);

    /// <summary>
    /// Inserts issued documents with their lines in the caller's transaction, by one command per table rather than a
    /// save: EF Core's update pipeline cost about four times the inserts themselves, and an issued document never
    /// changes, so it has no use for the change tracker either. The documents come back with their ids, untracked.
    /// </summary>
    internal static async Task InsertAsync(ApplicationDbContext db, IReadOnlyList<BillingDocument> documents, CancellationToken ct = default)
    {
        await using var documentRows = InsertCommand<BillingDocument>.Create(db);
        await using var lineRows = InsertCommand<DocumentLine>.Create(db);
        foreach (var document in documents)
        {
            await documentRows.InsertAsync(document, ct);
            foreach (var line in document.Lines)
            {
                line.BelongTo(document.Id);
                await lineRows.InsertAsync(line, ct);
            }
        }
    }

    private static BillingDocument NewDocument(string number, DocumentDraft draft)
    {
        var lines = draft.Lines
            .Select((l, i) => new DocumentLine(i + 1, l.Description, l.Period.Start, l.Period.End, l.Quantity,
                Money.ToCents(l.UnitPriceExcludingVat), Money.ToCents(l.TotalExcludingVat)))
            .ToList();
        return new BillingDocument(
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

/// <summary>A draft and the number the caller took for it.</summary>
internal sealed record NumberedDraft(DocumentDraft Draft, string Number);
