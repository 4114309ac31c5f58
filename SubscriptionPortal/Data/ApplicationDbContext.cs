using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Data;

public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
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

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
