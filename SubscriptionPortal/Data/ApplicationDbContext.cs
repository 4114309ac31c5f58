using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Data;

/// <summary>
/// The one context every service and Identity's stores use. On SQLite it is this type; on
/// PostgreSQL the factory hands out <see cref="PostgresDbContext"/>, which has its own model and migrations.
/// </summary>
public class ApplicationDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, whose options are typed to it.</summary>
    protected ApplicationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<OfferTier> OfferTiers => Set<OfferTier>();

    public DbSet<OfferFeature> OfferFeatures => Set<OfferFeature>();

    public DbSet<CatalogSettings> CatalogSettings => Set<CatalogSettings>();

    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<PlatformMembership> Memberships => Set<PlatformMembership>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Quote> Quotes => Set<Quote>();

    public DbSet<BillingDocument> Documents => Set<BillingDocument>();

    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();

    public DbSet<SepaMandate> Mandates => Set<SepaMandate>();

    public DbSet<DirectDebit> DirectDebits => Set<DirectDebit>();

    public DbSet<DirectDebitFile> DirectDebitFiles => Set<DirectDebitFile>();

    public DbSet<PlatformDunning> PlatformDunnings => Set<PlatformDunning>();

    public DbSet<InvoiceSettlement> InvoiceSettlements => Set<InvoiceSettlement>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every instance so each accepts the others' cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
