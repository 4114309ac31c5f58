using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Reads the facts dunning works from: invoices with a failed debit that are still unpaid, mandates, pauses.</summary>
internal static class DunningLoader
{
    /// <summary>
    /// Failed debits of invoices that were neither collected since nor settled otherwise: written once, as an expression,
    /// for the queries the job composes on it and for the platform's compiled check below.
    /// </summary>
    private static readonly Expression<Func<ApplicationDbContext, IQueryable<DirectDebit>>> FailedUnpaid = db =>
        db.DirectDebits.Where(d => d.Status == DirectDebitStatus.Failed
            && !db.DirectDebits.Any(c => c.InvoiceId == d.InvoiceId && c.Status == DirectDebitStatus.Collected)
            && !db.InvoiceSettlements.Any(s => s.InvoiceId == d.InvoiceId));

    private static readonly Func<ApplicationDbContext, IQueryable<DirectDebit>> FailedUnpaidOf = FailedUnpaid.Compile();

    // Every quote and every validation asks it, most often for a platform with nothing unpaid: compiled once per model, it
    // skips EF Core's extraction of parameters from the expression and its cache lookup (two thirds of the check's time).
    private static readonly CompiledPerModel<Func<ApplicationDbContext, int, CancellationToken, Task<bool>>> AnyFailedUnpaid = new(() =>
    {
        var db = FailedUnpaid.Parameters[0];
        var platformId = Expression.Parameter(typeof(int), "platformId");
        var debit = Expression.Parameter(typeof(DirectDebit), "d");
        var ofPlatform = Expression.Lambda<Func<DirectDebit, bool>>(Expression.Equal(Expression.Property(debit, nameof(DirectDebit.PlatformId)), platformId), debit);
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(DirectDebit)], FailedUnpaid.Body, Expression.Quote(ofPlatform));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<ApplicationDbContext, int, CancellationToken, bool>>(
            any, db, platformId, Expression.Parameter(typeof(CancellationToken), "ct")));
    });

    /// <summary>Invoices whose debit failed and that were neither collected since nor settled otherwise.</summary>
    public static IQueryable<DirectDebit> FailedUnpaidDebits(ApplicationDbContext db) => FailedUnpaidOf(db);

    /// <summary>
    /// Whether anything of the platform is unpaid after a failed debit. Without that, its state is active whatever
    /// else is recorded (a pause, an old state): the refusals ask this one question first, and load the facts
    /// (five queries) only for a platform that has something overdue.
    /// </summary>
    public static Task<bool> HasFailedUnpaidDebitAsync(ApplicationDbContext db, int platformId, CancellationToken ct) =>
        AnyFailedUnpaid.For(db)(db, platformId, ct);

    /// <summary>Platforms the job looks at: something unpaid after a failure, a state to bring back, or a pause to end.</summary>
    public static async Task<List<int>> CandidatePlatformIdsAsync(ApplicationDbContext db, CancellationToken ct)
    {
        var unpaid = await FailedUnpaidDebits(db).Select(d => d.PlatformId).Distinct().ToListAsync(ct);
        var recorded = await db.PlatformDunnings.Where(d => d.State != OverdueState.Active || d.PausedUntil != null)
            .Select(d => d.PlatformId).ToListAsync(ct);
        return [.. unpaid.Union(recorded).Order()];
    }

    /// <summary>The facts of the given platforms (or of every platform with something unpaid, when null), on each one's local date.</summary>
    public static async Task<Dictionary<int, DunningFacts>> LoadAsync(ApplicationDbContext db, IReadOnlyCollection<int>? platformIds, DateTimeOffset now, CancellationToken ct)
    {
        var failed = FailedUnpaidDebits(db);
        if (platformIds is not null)
        {
            failed = failed.Where(d => platformIds.Contains(d.PlatformId));
        }

        var invoiceIds = failed.Select(d => d.InvoiceId).Distinct();
        var debits = await db.DirectDebits.AsNoTracking().Where(d => invoiceIds.Contains(d.InvoiceId)).OrderBy(d => d.Id).ToListAsync(ct);
        var ids = platformIds?.ToList() ?? debits.Select(d => d.PlatformId).Distinct().ToList();
        var platforms = await db.Platforms.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.TimeZoneId }).ToListAsync(ct);
        var documentIds = debits.Select(d => d.InvoiceId).Distinct().ToList();
        var invoices = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.IssueDate }).ToDictionaryAsync(d => d.Id, ct);
        var mandates = (await db.Mandates.AsNoTracking().Where(m => ids.Contains(m.PlatformId) && m.RevokedAtUtc == null)
                .Select(m => new { m.PlatformId, m.Id }).ToListAsync(ct))
            .GroupBy(m => m.PlatformId).ToDictionary(g => g.Key, g => g.Max(m => m.Id));
        var records = await db.PlatformDunnings.AsNoTracking().Where(d => ids.Contains(d.PlatformId)).ToDictionaryAsync(d => d.PlatformId, ct);

        var facts = new Dictionary<int, DunningFacts>();
        foreach (var platform in platforms)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(platform.TimeZoneId);
            var unpaid = debits.Where(d => d.PlatformId == platform.Id)
                .GroupBy(d => d.InvoiceId)
                .Select(g => new InvoiceFact(g.Key, invoices[g.Key].Number, invoices[g.Key].IssueDate, g.Select(d => new DebitFact(
                    d.Id, d.MandateId, d.AmountCents, d.Status, d.CollectionDate, d.ReasonCode,
                    d.Status == DirectDebitStatus.Failed && d.AnsweredAtUtc is { } at ? PeriodMath.LocalDate(new DateTimeOffset(at, TimeSpan.Zero), zone) : null,
                    d.RetryOfDebitId)).ToList()))
                .ToList();
            var record = records.GetValueOrDefault(platform.Id);
            facts[platform.Id] = new DunningFacts(platform.Id, PeriodMath.LocalDate(now, zone), unpaid, mandates.TryGetValue(platform.Id, out var m) ? m : null,
                record?.PausedDaysBefore ?? 0, record?.PausedFrom, record?.PausedUntil, record?.PauseReason);
        }

        return facts;
    }
}
