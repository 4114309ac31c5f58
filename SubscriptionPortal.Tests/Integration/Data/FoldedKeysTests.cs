using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>Rows written before the folded search keys existed get them at the next start.</summary>
public sealed class FoldedKeysTests
{
    [Fact]
    public async Task RowsWithoutKeys_AreGivenThem_AndASecondPassFindsNothingLeft()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using (var db = database.CreateContext())
        {
            // As the migration that added the columns left every row.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Platforms" SET "NameKey" = ''""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "FirstNameKey" = '', "LastNameKey" = ''""");
        }

        int filled, platforms, contacts;
        await using (var db = database.CreateContext())
        {
            filled = await FoldedKeys.FillMissingAsync(db);
            platforms = await db.Platforms.CountAsync();
            contacts = await db.Contacts.CountAsync();
        }

        Assert.Equal(platforms + contacts, filled);
        await using var after = database.CreateContext();
        var velo = await after.Platforms.SingleAsync(p => p.Name == "Les Amis du Vélo");
        Assert.Equal("les amis du velo", velo.NameKey);
        var elodies = await after.Contacts.Where(c => c.FirstName == "Élodie").ToListAsync();
        Assert.NotEmpty(elodies);
        Assert.All(elodies, c => Assert.Equal("elodie", c.FirstNameKey));
        Assert.All(await after.Contacts.ToListAsync(), c => Assert.Equal(TextSearch.Fold(c.LastName, Contact.NameKeyLength), c.LastNameKey));
        Assert.Equal(0, await FoldedKeys.FillMissingAsync(after));
    }

    [Fact]
    public async Task ANameWhoseKeyIsEmpty_IsPassedOver_InsteadOfHoldingUpTheStart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (platformId, _) = await database.FreePlatformAsync("Chorale", contacts: 0);
        await using (var db = database.CreateContext())
        {
            // A lone combining accent folds to nothing: its row is seen once per pass, then the pass ends.
            db.Contacts.Add(new Contact(platformId, "\u0301", "Marais", "accent@example.org", database.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        await using var again = database.CreateContext();
        Assert.Equal(1, await FoldedKeys.FillMissingAsync(again));
        Assert.Equal("", (await again.Contacts.SingleAsync(c => c.PlatformId == platformId)).FirstNameKey);
    }
}
