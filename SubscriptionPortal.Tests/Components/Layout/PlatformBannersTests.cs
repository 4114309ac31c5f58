using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Layout;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Tests.Integration;
using SubscriptionPortal.Tests.Integration.Payments;

namespace SubscriptionPortal.Tests.Components.Layout;

public sealed class PlatformBannersTests : DatabaseComponentTest
{
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    [Fact]
    public async Task OverdueBanner_SaysWhatEachStateMeans_WithTheAmountAndTheNextStep()
    {
        Context.Services.AddSingleton(_ => Database.Get<PlatformNotices>());
        var (platformId, _) = await Database.PaidPlatformAsync("Harmonie", Day0);
        await Database.SubmitAndFailAsync(platformId, "AM04");
        await using (var db = Database.CreateContext())
        {
            var email = db.Memberships.Where(m => m.PlatformId == platformId).Select(m => db.Users.Single(u => u.Id == m.UserId).Email).Single()!;
            await SignInAsync(email);
        }

        var failed = Context.Render<PlatformBanners>().WaitForElement("[data-testid=overdue-banner]");
        Assert.Equal("PaymentFailed", failed.GetAttribute("data-state"));
        Assert.Contains("Payment failed: €48.00 unpaid. Still unpaid on 4 Apr 2026, the subscription can no longer change.", failed.TextContent);
        Assert.Contains("Next attempt on 25 Mar 2026.", failed.TextContent);

        Database.Clock.SetUtcNow(new DateTimeOffset(Day0.AddDays(16).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var restricted = Context.Render<PlatformBanners>().WaitForElement("[data-testid=overdue-banner]");
        Assert.Equal("Restricted", restricted.GetAttribute("data-state"));
        Assert.Contains("Restricted: €48.00 unpaid for 16 days: the subscription cannot change until it is paid. Still unpaid on 19 Apr 2026, the platform becomes read-only.",
            restricted.TextContent);

        Database.Clock.SetUtcNow(new DateTimeOffset(Day0.AddDays(31).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var suspended = Context.Render<PlatformBanners>().WaitForElement("[data-testid=overdue-banner]");
        Assert.Equal("Suspended", suspended.GetAttribute("data-state"));
        Assert.Contains("Harmonie is read-only until it is paid", suspended.TextContent);
        Assert.Equal(["settings/invoices", "settings/export", "settings/payment-method"],
            suspended.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Take(3));
    }
}
