using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

/// <summary>
/// The PostgreSQL model: the same entities as <see cref="ApplicationDbContext"/>, with its own
/// migrations in <c>Data/Migrations/Postgres/</c> (EF Core picks migrations by context type).
/// </summary>
internal sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : ApplicationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite compares, sorts and case-folds text byte by byte (ASCII only). The "C" collation does
        // the same on PostgreSQL whatever the server's locale, so names sort and match alike on both.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
