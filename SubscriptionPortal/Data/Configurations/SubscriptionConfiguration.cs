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
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsPaid);
        builder.Ignore(s => s.CurrentPeriod);
        // The paid plan lives in the subscription's own row, in the columns it always had: all set
        // on a paid offer, all null on a free one.
        builder.OwnsOne(s => s.Plan, plan =>
        {
            plan.Property(p => p.TierMaxContacts).HasColumnName(nameof(PaidPlan.TierMaxContacts));
            plan.Property(p => p.Commitment).HasColumnName(nameof(PaidPlan.Commitment));
            plan.Property(p => p.AnchorDate).HasColumnName(nameof(PaidPlan.AnchorDate));
            plan.Property(p => p.PeriodStart).HasColumnName(nameof(PaidPlan.PeriodStart));
            plan.Property(p => p.PeriodEnd).HasColumnName(nameof(PaidPlan.PeriodEnd));
            plan.Property(p => p.OpeningInvoiceId).HasColumnName(nameof(PaidPlan.OpeningInvoiceId));
            plan.Ignore(p => p.CurrentPeriod);
            plan.HasOne<BillingDocument>().WithMany().HasForeignKey(p => p.OpeningInvoiceId).OnDelete(DeleteBehavior.ClientSetNull);
            // The renewal job scans by the period's end.
            plan.HasIndex(p => p.PeriodEnd);
        });
        builder.Navigation(s => s.Plan).IsRequired(false);
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
