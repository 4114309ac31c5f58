using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Billing;

/// <summary>The current platform's invoices and credit notes for Settings › Invoices.</summary>
internal sealed class DocumentQueries(IDbContextFactory<ApplicationDbContext> dbFactory, OverdueStatus overdue)
{
    /// <summary>All of them: a page shows one year with <see cref="DocumentList.ForYear"/>, without asking again.</summary>
    public async Task<DocumentList> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CurrentPlatformIdAsync(user, ct) is { } platformId
            ? await ListAsync(db, platformId, ct, await overdue.AssessAsync(db, platformId, ct))
            : new DocumentList([], [], []);
    }

    /// <param name="dunning">Where the platform's unpaid invoices stand, for their payment state; without it a failed debit reads "debit failed".</param>
    public static async Task<DocumentList> ListAsync(ApplicationDbContext db, int platformId, CancellationToken ct, DunningAssessment? dunning = null)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.PlatformId == platformId)
            .Select(d => new { d.Id, d.Number, d.Kind, d.IssueDate, d.PeriodStart, d.PeriodEnd, d.TotalExcludingVatCents, d.VatCents, d.AmountDueCents, d.CorrectsDocumentId })
            .ToListAsync(ct);
        // A failed debit presented again leaves two debits for one invoice: the latest tells the invoice's status.
        var debits = (await db.DirectDebits.AsNoTracking()
                .Where(d => d.PlatformId == platformId)
                .OrderBy(d => d.Id)
                .Select(d => new { d.InvoiceId, d.Status })
                .ToListAsync(ct))
            .GroupBy(d => d.InvoiceId)
            .ToDictionary(g => g.Key, g => g.Last().Status);
        var settlements = await db.InvoiceSettlements.AsNoTracking().Where(s => s.PlatformId == platformId)
            .ToDictionaryAsync(s => s.InvoiceId, s => s.Kind, ct);
        var unpaid = dunning?.Invoices.ToDictionary(i => i.InvoiceId) ?? [];
        var byId = documents.ToDictionary(d => d.Id);
        var creditedExcludingVat = documents.Where(d => d.CorrectsDocumentId is not null)
            .GroupBy(d => d.CorrectsDocumentId!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.TotalExcludingVatCents));

        DocumentStatus StatusOf(long id, DocumentKind kind, long excludingVat, long due)
        {
            if (kind == DocumentKind.CreditNote)
            {
                return DocumentStatus.Issued;
            }

            if (settlements.TryGetValue((int)id, out var settled))
            {
                return settled == SettlementKind.WriteOff ? DocumentStatus.WrittenOff : DocumentStatus.Paid;
            }

            if (unpaid.TryGetValue((int)id, out var failed))
            {
                return failed.NextAttemptOn is null ? DocumentStatus.Overdue : DocumentStatus.DebitFailed;
            }

            var credited = creditedExcludingVat.GetValueOrDefault((int)id);
            if (credited > 0)
            {
                return credited >= excludingVat ? DocumentStatus.Credited : DocumentStatus.PartlyCredited;
            }

            if (due == 0)
            {
                return DocumentStatus.Paid;
            }

            return debits.GetValueOrDefault((int)id, DirectDebitStatus.Scheduled) switch
            {
                DirectDebitStatus.Collected => DocumentStatus.Paid,
                DirectDebitStatus.Failed => DocumentStatus.DebitFailed,
                _ => DocumentStatus.AwaitingDebit,
            };
        }

        var rows = documents
            .OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.Number, d.Kind, d.IssueDate, d.PeriodStart, d.PeriodEnd,
                Money.FromCents(d.TotalExcludingVatCents), Money.FromCents(d.TotalExcludingVatCents + d.VatCents),
                StatusOf(d.Id, d.Kind, d.TotalExcludingVatCents, d.AmountDueCents),
                d.CorrectsDocumentId, d.CorrectsDocumentId is { } c && byId.TryGetValue(c, out var corrected) ? corrected.Number : null,
                unpaid.TryGetValue(d.Id, out var failed) ? failed.NextAttemptOn : null))
            .ToList();
        var years = documents.Select(d => d.IssueDate.Year).Distinct().OrderDescending().ToList();
        var months = documents
            .GroupBy(d => (d.IssueDate.Year, d.IssueDate.Month))
            .OrderBy(g => g.Key)
            .Select(g => new MonthlyBilling(g.Key.Year, g.Key.Month,
                Money.FromCents(g.Where(d => d.Kind == DocumentKind.Invoice).Sum(d => d.TotalExcludingVatCents + d.VatCents)),
                Money.FromCents(g.Where(d => d.Kind == DocumentKind.CreditNote).Sum(d => d.TotalExcludingVatCents + d.VatCents))))
            .ToList();
        return new DocumentList(rows, years, months);
    }
}
