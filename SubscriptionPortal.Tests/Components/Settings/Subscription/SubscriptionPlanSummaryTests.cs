using Bunit;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Pages.Settings.Subscription;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Components.Settings.Subscription;

public sealed class SubscriptionPlanSummaryTests : PortalComponentTest
{
    private static SubscriptionPlanView Plan(string offer, bool isFree, int? tier, Commitment? commitment, BillingPeriod? period,
        MandateSummary? mandate = null, OpeningInvoiceSummary? invoice = null, decimal balance = 0m) =>
        new(1, "Chorale du Marais", offer.ToLowerInvariant(), offer, isFree, tier, 180, commitment, period, false, false, balance, mandate, invoice);

    [Fact]
    public void FreePlatform_ShowsTheOfferUnlimitedContactsAndNoPeriod()
    {
        var cut = Context.Render<SubscriptionPlanSummary>(p => p.Add(x => x.Plan, Plan("Liberty", true, null, null, null)));

        Assert.Equal("Liberty", cut.Find("[data-testid=plan-offer]").TextContent);
        Assert.Contains("100 % free", cut.Markup);
        Assert.Equal("180 in use, unlimited", cut.Find("[data-testid=plan-contacts]").TextContent.Trim());
        Assert.Equal("None (free offer)", cut.Find("[data-testid=plan-commitment]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=plan-period]"));
        Assert.Equal("None", cut.Find("[data-testid=plan-payment-method]").TextContent.Trim());
    }

    [Fact]
    public void MonthlyPlatform_ShowsTierPeriodRenewalMandateAndOpeningInvoice()
    {
        var plan = Plan("Serenity", false, 250, Commitment.Monthly, new BillingPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 16)),
            new MandateSummary("Chorale du Marais", "FR76 •••• •••• •••• •••• •••• 189", "SP-000002-20261116-1", new DateOnly(2026, 11, 16)),
            new OpeningInvoiceSummary(7, "F-2026-000001", new DateOnly(2026, 11, 16), 48.00m));

        var cut = Context.Render<SubscriptionPlanSummary>(p => p.Add(x => x.Plan, plan));

        Assert.Equal("180 in use of 250", cut.Find("[data-testid=plan-contacts]").TextContent.Trim());
        Assert.Equal("Monthly", cut.Find("[data-testid=plan-commitment]").TextContent);
        Assert.Equal("16 Nov 2026 – 15 Dec 2026", cut.Find("[data-testid=plan-period]").TextContent);
        Assert.Equal("16 Dec 2026", cut.Find("[data-testid=plan-renewal]").TextContent);
        Assert.Contains("SP-000002-20261116-1", cut.Find("[data-testid=plan-payment-method]").TextContent);
        Assert.Contains("F-2026-000001", cut.Find("[data-testid=plan-invoice]").TextContent);
        Assert.Contains("€48.00", cut.Find("[data-testid=plan-invoice]").TextContent);
        Assert.DoesNotContain("100 % free", cut.Markup);
    }

    [Fact]
    public void AnnualPlatform_ShowsAYearLongPeriodAndTheBalance()
    {
        var plan = Plan("Professional", false, 1000, Commitment.Annual, new BillingPeriod(new DateOnly(2026, 8, 18), new DateOnly(2027, 8, 18)), balance: 12.5m);

        var cut = Context.Render<SubscriptionPlanSummary>(p => p.Add(x => x.Plan, plan));

        Assert.Equal("Professional", cut.Find("[data-testid=plan-offer]").TextContent);
        Assert.Equal("Annual", cut.Find("[data-testid=plan-commitment]").TextContent);
        Assert.Equal("18 Aug 2026 – 17 Aug 2027", cut.Find("[data-testid=plan-period]").TextContent);
        Assert.Equal("€12.50", cut.Find("[data-testid=plan-balance]").TextContent);
    }
}
