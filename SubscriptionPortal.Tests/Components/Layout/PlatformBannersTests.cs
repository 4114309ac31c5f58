using System.Data.Common;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Layout;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Tests.Integration;
using SubscriptionPortal.Tests.Integration.Payments;

namespace SubscriptionPortal.Tests.Components.Layout;

public sealed class PlatformBannersTests : DatabaseComponentTest
{
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    private readonly QueryCounter queries = new();

    protected override Action<IServiceCollection>? DatabaseServices => services => services.AddSingleton<IInterceptor>(queries);

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
        // A space between the sentences, where the markup's own would be trimmed.
        Assert.Contains("can no longer change. Next attempt on", failed.TextContent);

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

    [Fact]
    public async Task Banners_AreReadAgainOnAnotherPage_NotWhenThePageOnlyWritesItsChoiceInTheAddress()
    {
        Context.Services.AddSingleton(_ => Database.Get<PlatformNotices>());
        var (platformId, _) = await Database.PaidPlatformAsync("Harmonie", Day0);
        await using (var db = Database.CreateContext())
        {
            var email = db.Memberships.Where(m => m.PlatformId == platformId).Select(m => db.Users.Single(u => u.Id == m.UserId).Email).Single()!;
            await SignInAsync(email);
        }

        await Database.SubmitAndFailAsync(platformId, "AM04");
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("settings/subscription/choose/professional");
        var banners = Context.Render<PlatformBanners>();
        Assert.Equal("PaymentFailed", banners.WaitForElement("[data-testid=overdue-banner]").GetAttribute("data-state"));

        // 16 days later the platform is restricted: the banners say so on the next page, not while the choice page writes
        // its clicks in its address.
        Database.Clock.SetUtcNow(new DateTimeOffset(Day0.AddDays(16).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var before = queries.Read;
        await banners.InvokeAsync(() => navigation.NavigateTo("settings/subscription/choose/professional?tier=500"));
        await banners.InvokeAsync(() => navigation.NavigateTo("settings/subscription/choose/professional?tier=500&commitment=Yearly"));
        Assert.Equal(before, queries.Read);
        Assert.Equal("PaymentFailed", banners.Find("[data-testid=overdue-banner]").GetAttribute("data-state"));

        await banners.InvokeAsync(() => navigation.NavigateTo("settings/invoices"));
        banners.WaitForAssertion(() => Assert.Equal("Restricted", banners.Find("[data-testid=overdue-banner]").GetAttribute("data-state")));
    }

    /// <summary>Counts the queries the app's contexts start: a read begins with its command, before any wait.</summary>
    private sealed class QueryCounter : DbCommandInterceptor
    {
        private int read;

        public int Read => Volatile.Read(ref read);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref read);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref read);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}
