using Bunit;
using MudBlazor;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Pages.Settings.Subscription;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Components.Settings.Subscription;

public sealed class CancelSubscriptionDialogTests : PortalComponentTest
{
    private static readonly SubscriptionPlanView Plan = new(1, "Chorale du Marais", "serenity", "Serenity", false, 250, 180, Commitment.Monthly,
        new BillingPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 16)), false, false, 0m, null, null);

    [Fact]
    public void OpenDialog_StatesTheEndDateNoRefundAndOffersTheExportFirst()
    {
        var providers = Context.Render<MudDialogProvider>();
        Context.Render<CancelSubscriptionDialog>(p => p.Add(x => x.Plan, Plan).Add(x => x.Visible, true));

        Assert.Contains("until 15 Dec 2026 included", providers.Find("[data-testid=cancel-end-date]").TextContent);
        Assert.Contains("There is no refund", providers.Find("[data-testid=cancel-no-refund]").TextContent);
        Assert.Contains("On 16 Dec 2026, Chorale du Marais closes", providers.Markup);
        Assert.Equal("settings/export", providers.Find("[data-testid=cancel-export-first] a").GetAttribute("href"));
    }

    [Fact]
    public void ConfirmButton_AsksThePageToCancel()
    {
        var confirmed = 0;
        var providers = Context.Render<MudDialogProvider>();
        Context.Render<CancelSubscriptionDialog>(p => p.Add(x => x.Plan, Plan).Add(x => x.Visible, true).Add(x => x.OnConfirm, () => confirmed++));

        providers.FindAll("button").Single(b => b.TextContent.Contains("Confirm cancellation")).Click();

        Assert.Equal(1, confirmed);
    }

    [Fact]
    public void WhileCancelling_BothButtonsAreDisabled()
    {
        var providers = Context.Render<MudDialogProvider>();
        Context.Render<CancelSubscriptionDialog>(p => p.Add(x => x.Plan, Plan).Add(x => x.Visible, true).Add(x => x.Working, true));

        var buttons = providers.FindAll("button").Where(b => b.TextContent.Contains("Confirm cancellation") || b.TextContent.Contains("Keep my subscription")).ToList();
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.HasAttribute("disabled")));
    }
}
