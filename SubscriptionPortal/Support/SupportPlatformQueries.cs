using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Support;

/// <summary>The support console's platform page: any platform, for support agents only (SPEC §7).</summary>
internal sealed class SupportPlatformQueries(IDbContextFactory<ApplicationDbContext> dbFactory, OverdueStatus overdue, IStringLocalizerFactory localizers)
{
    /// <summary>Null when the platform does not exist or the caller is not a support agent acting as themselves.</summary>
    public async Task<SupportPlatformView?> GetAsync(ClaimsPrincipal user, int platformId, CancellationToken ct = default)
    {
        // The page requires the role too; the service does not rely on it.
        if (!user.IsSupportAgent())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ActivityLog.ReadAsync(db, platformId, ActivityLog.PageSize, localizers, ct) is not { } activity)
        {
            return null;
        }

        var plan = await SubscriptionPlanQueries.LoadAsync(db, platformId, ct);
        var documents = await DocumentQueries.ListAsync(db, platformId, ct, await overdue.AssessAsync(db, platformId, ct));
        var numbers = documents.Rows.ToDictionary(d => d.Id, d => d.Number);
        var debits = (await db.DirectDebits.AsNoTracking()
                .Where(d => d.PlatformId == platformId)
                .OrderByDescending(d => d.CollectionDate).ThenByDescending(d => d.Id)
                .Select(d => new { d.Id, d.InvoiceId, d.CollectionDate, d.AmountCents, d.Status })
                .ToListAsync(ct))
            .Select(d => new SupportDebitRow(d.Id, numbers.GetValueOrDefault(d.InvoiceId, "—"), d.CollectionDate, Money.FromCents(d.AmountCents), d.Status))
            .ToList();

        var supportRoleId = db.Roles.Where(r => r.Name == PortalRoles.Support).Select(r => r.Id);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.PlatformId == platformId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                IsAgent = db.UserRoles.Any(r => r.UserId == u.Id && supportRoleId.Contains(r.RoleId)),
            })
            .OrderBy(a => a.Email)
            .ToListAsync(ct);

        return new SupportPlatformView(platformId, plan.PlatformName, plan, documents, debits,
            admins.Select(a => new SupportAdminRow(a.Id, string.IsNullOrWhiteSpace(a.DisplayName) ? a.Email ?? a.Id : a.DisplayName, a.Email ?? "", a.IsAgent)).ToList(),
            activity);
    }
}
