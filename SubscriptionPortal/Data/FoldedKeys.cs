using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

/// <summary>
/// Gives the rows written before the folded keys existed (<see cref="TextSearch.Fold"/>) their keys: the
/// migration that added the columns left them empty, since neither database folds text as .NET does.
/// Runs at start, after the migrations; once every row has its keys it reads one empty result per table.
/// </summary>
internal static class FoldedKeys
{
    private const int BatchSize = 1_000;

    /// <returns>How many platforms and contacts were given their keys.</returns>
    public static async Task<int> FillMissingAsync(ApplicationDbContext db, CancellationToken ct = default)
    {
        var filled = 0;
        // By ascending id: a name whose key is empty (only marks) is seen once, not again and again.
        for (var after = 0; ;)
        {
            var platforms = await db.Platforms.Where(p => p.Id > after && p.NameKey == "" && p.Name != "")
                .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (platforms.Count == 0)
            {
                break;
            }

            platforms.ForEach(p => p.FoldName());
            await SaveAsync(db, ct);
            filled += platforms.Count;
            after = platforms[^1].Id;
        }

        for (var after = 0; ;)
        {
            var contacts = await db.Contacts
                .Where(c => c.Id > after && ((c.LastNameKey == "" && c.LastName != "") || (c.FirstNameKey == "" && c.FirstName != "")))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (contacts.Count == 0)
            {
                break;
            }

            contacts.ForEach(c => c.FoldNames());
            await SaveAsync(db, ct);
            filled += contacts.Count;
            after = contacts[^1].Id;
        }

        return filled;
    }

    private static async Task SaveAsync(ApplicationDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
