using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.NameKey).HasMaxLength(Platform.NameKeyLength);
        builder.Property(p => p.AddressLine).HasMaxLength(FieldLimits.Address);
        builder.Property(p => p.PostalCode).HasMaxLength(16);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.Country).HasMaxLength(100);
        builder.Property(p => p.Siren).HasMaxLength(9);
        builder.Property(p => p.VatNumber).HasMaxLength(13);
        builder.Property(p => p.Rna).HasMaxLength(10);
        builder.OwnsOne(p => p.ServiceAddress, address =>
        {
            address.Property(a => a.AddressLine).HasColumnName("ServiceAddressLine").HasMaxLength(FieldLimits.Address).IsRequired();
            address.Property(a => a.PostalCode).HasColumnName("ServicePostalCode").HasMaxLength(16).IsRequired();
            address.Property(a => a.City).HasColumnName("ServiceCity").HasMaxLength(100).IsRequired();
            address.Property(a => a.Country).HasColumnName("ServiceCountry").HasMaxLength(100).IsRequired();
        });
        builder.Property(p => p.BillingEmail).HasMaxLength(256);
        builder.Property(p => p.BillingLanguage).HasMaxLength(BillingLanguage.MaxLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Ignore(p => p.TimeZone);
        builder.HasIndex(p => p.NameKey);
        // A submitted "new platform" form creates one platform, however many times it arrives.
        builder.HasIndex(p => p.CreationKey).IsUnique();
    }
}

internal sealed class PlatformMembershipConfiguration : IEntityTypeConfiguration<PlatformMembership>
{
    public void Configure(EntityTypeBuilder<PlatformMembership> builder)
    {
        builder.HasIndex(m => new { m.UserId, m.PlatformId }).IsUnique();
        builder.HasOne<Platform>().WithMany().HasForeignKey(m => m.PlatformId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.FirstNameKey).HasMaxLength(Contact.NameKeyLength);
        builder.Property(c => c.LastNameKey).HasMaxLength(Contact.NameKeyLength);
        builder.HasOne<Platform>().WithMany().HasForeignKey(c => c.PlatformId);
        // A platform's active or archived contacts, in the order the directory lists them.
        builder.HasIndex(c => new { c.PlatformId, c.IsArchived, c.LastNameKey, c.FirstNameKey });
    }
}
