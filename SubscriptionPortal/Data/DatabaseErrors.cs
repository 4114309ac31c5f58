using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

internal static class DatabaseErrors
{
    /// <summary>
    /// Whether a save failed on a unique index: the sign that another run or request wrote the same
    /// thing first, which idempotent jobs treat as "already done" rather than as an error.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.GetType().Name == "PostgresException" && ex.InnerException.Message.Contains("23505", StringComparison.Ordinal);
}
