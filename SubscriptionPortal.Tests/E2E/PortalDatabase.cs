using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>Reads the E2E server's own database, to check what the browser's clicks wrote.</summary>
public static class PortalDatabase
{
    public static ApplicationDbContext Open(PortalServer server) =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={server.DatabasePath}").Options);
}
