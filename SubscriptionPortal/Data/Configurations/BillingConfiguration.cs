using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class BillingDocumentConfiguration : IEntityTypeConfiguration<BillingDocument>
{
    public void Configure(EntityTypeBuilder<BillingDocument> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(16);
        builder.HasIndex(d => d.Number).IsUnique();
        builder.Property(d => d.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(d => d.IdempotencyKey).IsUnique();
        builder.HasIndex(d => new { d.PlatformId, d.IssueDate });
        builder.Property(d => d.BuyerName).HasMaxLength(200);
        builder.Property(d => d.BuyerAddress).HasMaxLength(500);
        builder.Property(d => d.BuyerSiren).HasMaxLength(9);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.Property(d => d.PdfSha256).HasMaxLength(64);
        builder.Ignore(d => d.TotalIncludingVatCents);
        // The columns keep the names they were created with (HT: "hors taxes", excluding VAT).
        builder.Property(d => d.TotalExcludingVatCents).HasColumnName("TotalHtCents");
        builder.HasOne<Platform>().WithMany().HasForeignKey(d => d.PlatformId);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(d => d.CorrectsDocumentId);
        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DocumentId);
        builder.Navigation(d => d.Lines).AutoInclude(false);
    }
}

internal sealed class DocumentLineConfiguration : IEntityTypeConfiguration<DocumentLine>
{
    public void Configure(EntityTypeBuilder<DocumentLine> builder)
    {
        builder.Property(l => l.UnitPriceExcludingVatCents).HasColumnName("UnitPriceHtCents");
        builder.Property(l => l.TotalExcludingVatCents).HasColumnName("TotalHtCents");
        builder.Property(l => l.Description).HasMaxLength(300);
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> builder)
    {
        builder.HasKey(c => new { c.Series, c.Year });
        builder.Property(c => c.Series).HasMaxLength(1);
    }
}

internal sealed class SepaMandateConfiguration : IEntityTypeConfiguration<SepaMandate>
{
    public void Configure(EntityTypeBuilder<SepaMandate> builder)
    {
        builder.Property(m => m.AccountHolder).HasMaxLength(70);
        builder.Property(m => m.Iban).HasMaxLength(34);
        builder.Property(m => m.Reference).HasMaxLength(35);
        builder.HasIndex(m => m.Reference).IsUnique();
        builder.Ignore(m => m.IsActive);
        builder.HasOne<Platform>().WithMany().HasForeignKey(m => m.PlatformId);
    }
}

internal sealed class DirectDebitConfiguration : IEntityTypeConfiguration<DirectDebit>
{
    public void Configure(EntityTypeBuilder<DirectDebit> builder)
    {
        builder.HasOne<Platform>().WithMany().HasForeignKey(d => d.PlatformId);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(d => d.InvoiceId);
        builder.HasOne<SepaMandate>().WithMany().HasForeignKey(d => d.MandateId);
        builder.HasOne<DirectDebitFile>().WithMany().HasForeignKey(d => d.FileId);
        builder.HasOne<DirectDebit>().WithMany().HasForeignKey(d => d.RetryOfDebitId);
        // At most one live (not failed) debit per invoice: an invoice is never collected twice. A failed
        // debit is presented again as a new row, once (a unique retry link).
        builder.HasIndex(d => d.InvoiceId).IsUnique().HasFilter("\"Status\" <> 3");
        builder.HasIndex(d => d.RetryOfDebitId).IsUnique();
        builder.HasIndex(d => new { d.Status, d.CollectionDate });
        // Two runs or two clicks recording different outcomes for one debit: the second write fails.
        builder.Property(d => d.Status).IsConcurrencyToken();
        builder.Property(d => d.SequenceCode).HasMaxLength(4);
        builder.Property(d => d.ReasonCode).HasMaxLength(4);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorEmail).HasMaxLength(256);
        builder.Property(a => a.OnBehalfOfEmail).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.HasIndex(a => new { a.PlatformId, a.AtUtc });
    }
}
