using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Data;

namespace SubscriptionPortal;

/// <summary>
/// What <c>dotnet ef migrations add</c> builds each provider's model with: no app start, no server
/// (adding a migration never connects). Each context type needs its own factory, or the tools would
/// take the PostgreSQL one for the base context too. Like <c>Program.cs</c>, they compose the whole app, so they
/// sit at its root rather than in <c>Data/</c>.
/// </summary>
internal static class DesignTimeOptions
{
    /// <summary>Identity's model follows its options (schema version 3 adds the passkeys table), so the tools get the app's.</summary>
    public static DbContextOptionsBuilder<TContext> Builder<TContext>()
        where TContext : DbContext
    {
        var services = new ServiceCollection().AddLogging().AddPortalIdentity().BuildServiceProvider();
        return new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(services);
    }
}

/// <summary><c>dotnet ef migrations add Name --project SubscriptionPortal --context ApplicationDbContext --output-dir Data/Migrations</c></summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Builder<ApplicationDbContext>().UseSqlite("Data Source=App_Data/portal.db").Options);
}

/// <summary><c>dotnet ef migrations add Name --project SubscriptionPortal --context PostgresDbContext --output-dir Data/Migrations/Postgres</c></summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Builder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=portal").Options);
}
