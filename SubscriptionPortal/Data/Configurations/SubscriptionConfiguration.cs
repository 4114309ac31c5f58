using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasIndex(s => s.PlatformId).IsUnique();
        builder.HasOne<Platform>().WithMany().HasForeignKey(s => s.PlatformId);
        builder.HasOne<Offer>().WithMany().HasForeignKey(s => s.OfferCode);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(s => s.OpeningInvoiceId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsPaid);
        builder.Ignore(s => s.CurrentPeriod);
        // The renewal job scans by the period's end.
        builder.HasIndex(s => s.PeriodEnd);
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        // The columns keep the names they were created with (TTC: "toutes taxes comprises", including VAT).
        builder.Property(q => q.CreditIncludingVatCents).HasColumnName("CreditTtcCents");
        builder.Property(q => q.InvoiceIncludingVatCents).HasColumnName("InvoiceTtcCents");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.HasOne<Platform>().WithMany().HasForeignKey(q => q.PlatformId);
        builder.HasOne<Subscription>().WithMany().HasForeignKey(q => q.SubscriptionId);
    }
}
