using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Platforms;

public sealed record ContactRow(int Id, string FirstName, string LastName, string Email, bool IsArchived);

public sealed record ContactPage(IReadOnlyList<ContactRow> Items, int TotalCount);

/// <summary>The current platform's contacts, searched and paged on the server.</summary>
internal sealed class ContactDirectory(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    /// <param name="pageIndex">Zero-based page number.</param>
    /// <remarks>A search longer than <see cref="FieldLimits.SearchTerm"/> or holding control characters finds nothing.</remarks>
    public async Task<ContactPage> SearchAsync(ClaimsPrincipal user, string? search, bool archived, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        search = FieldText.Clean(search);
        if (FieldText.Problem(search, "", FieldLimits.SearchTerm) is not null)
        {
            return new ContactPage([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return new ContactPage([], 0);
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(pageIndex, 0);
        var query = db.Contacts.Where(c => c.PlatformId == platformId && c.IsArchived == archived);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // The names by their folded keys ("elodie" finds "Élodie"); "first last" also finds a full name.
            var name = TextSearch.KeyPattern(search);
            var email = TextSearch.ContainsPattern(search);
            // ToLower() here is translated to the database's lower(): no .NET culture is involved.
#pragma warning disable CA1304, CA1311
            query = query.Where(c => EF.Functions.Like(c.FirstNameKey + " " + c.LastNameKey, name, TextSearch.EscapeCharacter)
                || EF.Functions.Like(c.Email.ToLower(), email, TextSearch.EscapeCharacter));
#pragma warning restore CA1304, CA1311
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.LastNameKey).ThenBy(c => c.FirstNameKey).ThenBy(c => c.Id)
            .Skip(pageIndex * pageSize).Take(pageSize)
            .Select(c => new ContactRow(c.Id, c.FirstName, c.LastName, c.Email, c.IsArchived))
            .ToListAsync(ct);
        return new ContactPage(items, total);
    }
}
