using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Ignore(m => m.MessageId);
        builder.Property(m => m.Language).HasMaxLength(10);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.AttachmentFileName).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.OnceKey).HasMaxLength(200);
        // An email a job sends about one date is queued once, whoever runs the job and however often.
        builder.HasIndex(m => m.OnceKey).IsUnique();
        builder.HasOne<Platforms.Platform>().WithMany().HasForeignKey(m => m.PlatformId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Billing.BillingDocument>().WithMany().HasForeignKey(m => m.AttachmentDocumentId).OnDelete(DeleteBehavior.Restrict);
        // The sender's claim: due messages in the order they fall due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        // Support › Emails: a platform's messages, newest first.
        builder.HasIndex(m => new { m.PlatformId, m.QueuedAtUtc });
    }
}
