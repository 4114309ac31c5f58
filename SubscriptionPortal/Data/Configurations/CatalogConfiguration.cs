using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SubscriptionPortal.Catalog;

namespace SubscriptionPortal.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.Property(o => o.Name).HasMaxLength(64);
        builder.Property(o => o.Summary).HasMaxLength(256);
        builder.HasMany(o => o.Tiers).WithOne().HasForeignKey(t => t.OfferCode);
        builder.HasMany(o => o.Features).WithOne().HasForeignKey(f => f.OfferCode);
        builder.HasData(CatalogSeed.Offers);
    }
}

internal sealed class OfferTierConfiguration : IEntityTypeConfiguration<OfferTier>
{
    public void Configure(EntityTypeBuilder<OfferTier> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.OfferCode, t.MaxContacts }).IsUnique();
        builder.HasData(CatalogSeed.Tiers);
    }
}

internal sealed class OfferFeatureConfiguration : IEntityTypeConfiguration<OfferFeature>
{
    public void Configure(EntityTypeBuilder<OfferFeature> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Text).HasMaxLength(200);
        builder.HasData(CatalogSeed.Features);
    }
}

internal sealed class CatalogSettingsConfiguration : IEntityTypeConfiguration<CatalogSettings>
{
    public void Configure(EntityTypeBuilder<CatalogSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.VatRate);
        builder.HasData(CatalogSeed.Settings);
    }
}
