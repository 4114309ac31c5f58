using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class DirectDebitFileConfiguration : IEntityTypeConfiguration<DirectDebitFile>
{
    public void Configure(EntityTypeBuilder<DirectDebitFile> builder)
    {
        builder.Property(f => f.MessageId).HasMaxLength(35);
        // Banks refuse a repeated message id; two runs racing for the same one cannot both store a file.
        builder.HasIndex(f => f.MessageId).IsUnique();
        builder.Property(f => f.FileName).HasMaxLength(100);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }
}
