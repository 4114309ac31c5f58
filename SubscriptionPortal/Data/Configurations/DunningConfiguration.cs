using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class PlatformDunningConfiguration : IEntityTypeConfiguration<PlatformDunning>
{
    public void Configure(EntityTypeBuilder<PlatformDunning> builder)
    {
        builder.HasKey(d => d.PlatformId);
        builder.Property(d => d.PlatformId).ValueGeneratedNever();
        builder.HasOne<Platform>().WithOne().HasForeignKey<PlatformDunning>(d => d.PlatformId);
        builder.Property(d => d.PauseReason).HasMaxLength(500);
    }
}

internal sealed class InvoiceSettlementConfiguration : IEntityTypeConfiguration<InvoiceSettlement>
{
    public void Configure(EntityTypeBuilder<InvoiceSettlement> builder)
    {
        builder.HasOne<Platform>().WithMany().HasForeignKey(s => s.PlatformId);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(s => s.InvoiceId);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(s => s.CreditNoteId);
        // An invoice is settled once: a transfer recorded twice, or a write-off after a transfer, fails here.
        builder.HasIndex(s => s.InvoiceId).IsUnique();
        builder.Property(s => s.Text).HasMaxLength(500);
        builder.Property(s => s.RecordedByEmail).HasMaxLength(256);
    }
}
