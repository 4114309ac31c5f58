using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Subscriptions;

/// <summary>The offers read model: what the Offer Change pages list, priced and marked for the admin's platform.</summary>
internal sealed class OfferChoiceQueries(IDbContextFactory<ApplicationDbContext> dbFactory, OverdueStatus overdue,
    IStringLocalizer<OfferChoiceQueries> localizer)
{
    /// <summary>The Offer Change page: every offer with its prices, marked current or unavailable for this platform.</summary>
    public async Task<OfferChoices?> GetOfferChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return null;
        }

        var plan = await SubscriptionPlanQueries.LoadAsync(db, platformId, ct);
        var catalog = await CatalogReader.LoadAsync(db, ct);
        var vatRate = (await db.CatalogSettings.AsNoTracking().SingleAsync(ct)).VatRate;
        var overdueRefusal = plan.IsClosed ? null : await overdue.PlanChangeRefusalAsync(db, platformId, ct);
        var summaries = await db.Offers.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Summary, ct);
        var offers = catalog.Select(offer => new OfferChoice(
                offer.Code,
                offer.Name,
                summaries[offer.Code],
                offer.IsFree,
                offer.Code == plan.OfferCode,
                offer.Features,
                offer.Tiers.Select(t => TierChoiceOf(t, vatRate, plan.ContactsInUse)).ToList(),
                overdueRefusal ?? UnavailableReason(plan, offer)))
            .ToList();
        return new OfferChoices(plan, offers, vatRate);
    }

    private TierChoice TierChoiceOf(TierPrice tier, decimal vatRate, int contactsInUse)
    {
        var annualExcludingVat = OfferPricing.AnnualExcludingVat(tier.MonthlyExcludingVat);
        return new TierChoice(tier.MaxContacts, tier.MonthlyExcludingVat, VatAmounts.FromExcludingVat(tier.MonthlyExcludingVat, vatRate).IncludingVat, annualExcludingVat,
            VatAmounts.FromExcludingVat(annualExcludingVat, vatRate).IncludingVat,
            tier.MaxContacts < contactsInUse ? localizer["TierUnavailable", contactsInUse.ToString("N0", CultureInfo.CurrentCulture)].Value : null);
    }

    private string? UnavailableReason(SubscriptionPlanView plan, OfferPricing offer)
    {
        if (plan.IsClosed)
        {
            return localizer["Closed"].Value;
        }

        if (offer.IsFree && !plan.IsFree)
        {
            return localizer["CannotBecomeFree", offer.Name].Value;
        }

        return offer.IsFree && offer.Code == plan.OfferCode ? localizer["CurrentOffer"].Value : null;
    }
}
