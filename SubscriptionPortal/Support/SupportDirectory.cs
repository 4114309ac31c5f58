using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Support;

public sealed record SupportPlatformRow(int Id, string Name, string OfferName, IReadOnlyList<string> AdminEmails);

/// <summary>The support console's search: platforms by name, admin email or document number (SPEC §7).</summary>
internal sealed class SupportDirectory(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public const int MaxResults = 50;

    private static readonly IStringLocalizer Text = ResourceText.For(typeof(SupportDirectory));

    /// <summary>Why <paramref name="query"/> cannot be searched for, or null when it can (an empty query lists every platform).</summary>
    public static string? QueryProblem(string? query) =>
        FieldText.Problem(FieldText.Clean(query), Text["SearchLabel"], FieldLimits.SearchTerm);

    /// <remarks>
    /// Callers are support agents; the page and endpoints require the Support role. A query that
    /// <see cref="QueryProblem"/> refuses finds nothing: the page shows why.
    /// </remarks>
    public async Task<IReadOnlyList<SupportPlatformRow>> SearchAsync(string? query, CancellationToken ct = default)
    {
        if (QueryProblem(query) is not null)
        {
            return [];
        }

        query = FieldText.Clean(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var platforms = db.Platforms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var term = TextSearch.ContainsPattern(query);
            var name = TextSearch.KeyPattern(query);
            // ToLower() here is translated to the database's lower(): no .NET culture is involved.
#pragma warning disable CA1304, CA1311
            var byAdmin = db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.PlatformId, u.Email })
                .Where(x => EF.Functions.Like(x.Email!.ToLower(), term, TextSearch.EscapeCharacter)).Select(x => x.PlatformId);
            var byDocument = db.Documents.Where(d => EF.Functions.Like(d.Number.ToLower(), term, TextSearch.EscapeCharacter)).Select(d => d.PlatformId);
            platforms = platforms.Where(p => EF.Functions.Like(p.NameKey, name, TextSearch.EscapeCharacter) || byAdmin.Contains(p.Id) || byDocument.Contains(p.Id));
#pragma warning restore CA1304, CA1311
        }

        var rows = await platforms.OrderBy(p => p.NameKey).ThenBy(p => p.Id).Take(MaxResults)
            .Join(db.Subscriptions, p => p.Id, s => s.PlatformId, (p, s) => new { p.Id, p.Name, s.OfferCode })
            .Join(db.Offers, x => x.OfferCode, o => o.Code, (x, o) => new { x.Id, x.Name, OfferName = o.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var admins = await db.Memberships.Where(m => ids.Contains(m.PlatformId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.PlatformId, u.Email })
            .ToListAsync(ct);
        return rows.Select(r => new SupportPlatformRow(r.Id, r.Name, r.OfferName,
                admins.Where(a => a.PlatformId == r.Id).Select(a => a.Email ?? "").Order().ToList()))
            .ToList();
    }
}
