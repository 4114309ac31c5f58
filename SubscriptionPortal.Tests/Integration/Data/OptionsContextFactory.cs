using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>Contexts on the given options, for the services that take a factory, outside any app.</summary>
internal sealed class OptionsContextFactory(DbContextOptions<ApplicationDbContext> options) : IDbContextFactory<ApplicationDbContext>
{
    /// <summary>A SQLite database in a folder that does not exist: every open fails.</summary>
    public static OptionsContextFactory OnAMissingFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "portal.db");
        return new(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={missing};Mode=ReadWrite").Options);
    }

    public ApplicationDbContext CreateDbContext() => new(options);
}
