using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

/// <summary>
/// Serves <see cref="ApplicationDbContext"/> from a provider's own context type, so services keep
/// asking for <c>IDbContextFactory&lt;ApplicationDbContext&gt;</c> whatever the provider.
/// </summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ApplicationDbContext>
    where TContext : ApplicationDbContext
{
    public ApplicationDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ApplicationDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
