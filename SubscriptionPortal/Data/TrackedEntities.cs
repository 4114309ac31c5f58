using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

/// <summary>
/// Looks up what a context already tracks without detecting changes first. <c>DbSet.Local</c> compares every
/// tracked entity with its snapshot before it answers: in a renewal batch, which tracks a few hundred entities
/// (documents with their PDFs among them) and looks up each invoice's platform and mandate, that scan was half
/// of the time spent outside the PDFs. A key never changes, and an entity added to the context is tracked at
/// once, so these lookups need no detection to be right.
/// </summary>
internal static class TrackedEntities
{
    /// <summary>
    /// The entity with this primary key when the context tracks it and it is not being deleted, else null.
    /// Never queries the database. An entity removed only from a navigation, not yet detected, still counts as tracked.
    /// </summary>
    public static TEntity? Tracked<TEntity, TKey>(this DbContext db, TKey key)
        where TEntity : class
    {
        var entry = WithoutDetection(db, () => db.Set<TEntity>().Local.FindEntry(key));
        return entry is { State: not EntityState.Deleted } ? entry.Entity : null;
    }

    /// <summary>Whether the context tracks an entity, not being deleted, whose <paramref name="property"/> equals <paramref name="value"/>. Never queries the database.</summary>
    public static bool AnyTracked<TEntity, TValue>(this DbContext db, string property, TValue value)
        where TEntity : class =>
        WithoutDetection(db, () => db.Set<TEntity>().Local.GetEntries(property, value).Any(e => e.State != EntityState.Deleted));

    private static T WithoutDetection<T>(DbContext db, Func<T> read)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
