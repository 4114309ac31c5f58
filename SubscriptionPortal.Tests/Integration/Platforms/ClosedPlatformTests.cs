using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>A closed platform is read-only in the services themselves, not only behind hidden buttons.</summary>
public sealed class ClosedPlatformTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private int platformId;
    private ClaimsPrincipal admin = default!;
    private Guid staleQuoteId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        (platformId, admin) = await database.PaidPlatformAsync("Chorale", new DateOnly(2026, 3, 10));
        // A quote made before the end, validated after it.
        staleQuoteId = (await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly))).Id;
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await database.Get<ClosureService>().CloseDueAsync());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Quote_OnAClosedPlatform_IsRefusedWithTheReason()
    {
        var outcome = await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly));

        Assert.Equal(SubscriptionChanges.ClosedMessage, Assert.IsType<QuoteOutcome.Refused>(outcome).Message);
    }

    [Fact]
    public async Task Validate_AQuoteMadeBeforeTheClosure_IsRefusedAndIssuesNothing()
    {
        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(admin, staleQuoteId);

        Assert.Equal(SubscriptionChanges.ClosedMessage, Assert.IsType<ChangeOutcome.Refused>(outcome).Message);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId));
    }

    [Fact]
    public async Task OrganizationDetails_OnAClosedPlatform_AreRefusedAndUnchanged()
    {
        var view = await database.Get<OrganizationSettings>().GetAsync(admin);
        view!.Form.Name = "Renamed";

        var result = await database.Get<OrganizationSettings>().SaveAsync(admin, view.Form);

        Assert.True(view.IsClosed);
        Assert.Equal((CommandStatus.Invalid, OrganizationSettings.ClosedMessage), (result.Status, result.Message));
        await using var db = database.CreateContext();
        Assert.Equal("Chorale", (await db.Platforms.SingleAsync(p => p.Id == platformId)).Name);
    }

    [Fact]
    public async Task NewMandate_OnAClosedPlatform_IsRefusedAndTheOldOneStays()
    {
        var form = new MandateForm { AccountHolder = "Chorale", Iban = "FR1420041010050500013M02606", Authorised = true };

        var result = await database.Get<MandateService>().SignAsync(admin, form);

        Assert.Equal((CommandStatus.Invalid, MandateService.ClosedMessage), (result.Status, result.Message));
        await using var db = database.CreateContext();
        Assert.Equal(BillingWorld.TestIban, (await db.Mandates.SingleAsync(m => m.PlatformId == platformId && m.RevokedAtUtc == null)).Iban);
    }

    [Fact]
    public async Task ResumeOrCancel_OnAClosedPlatform_AreRefused()
    {
        var resume = await database.Get<SubscriptionLifecycle>().ResumeAsync(admin);
        var cancel = await database.Get<SubscriptionLifecycle>().CancelAsync(admin);

        Assert.Equal(SubscriptionChanges.ClosedMessage, resume.Message);
        Assert.Equal(SubscriptionChanges.ClosedMessage, cancel.Message);
        Assert.False(resume.Succeeded || cancel.Succeeded);
    }

    [Fact]
    public async Task Renewal_OfAClosedPlatform_IssuesNothingEvenMonthsLater()
    {
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await database.Get<RenewalService>().RenewDueAsync());
        Assert.Equal(0, await database.Get<ClosureService>().CloseDueAsync());
    }

    [Fact]
    public async Task InvoicesAndExport_OfAClosedPlatform_StillWork()
    {
        var documents = await database.Get<Billing.DocumentQueries>().ListAsync(admin);
        var summary = await database.Get<PlatformExport>().GetSummaryAsync(admin);
        var output = new AsyncOnlyStream();

        await database.Get<PlatformExport>().WriteAsync(summary!, SubscriptionPortal.Support.Actor.From(admin), output, null);

        Assert.Single(documents.Rows);
        Assert.True(summary!.IsClosed);
        Assert.True(output.Count > 0);
    }

    [Fact]
    public async Task Notices_OfAClosedPlatform_SayItIsClosedSinceItsEndDate()
    {
        var notices = await database.Get<PlatformNotices>().GetAsync(admin);

        Assert.Equal((true, new DateOnly(2026, 4, 10), (DateOnly?)null), (notices!.IsClosed, notices.ClosedOn, notices.SubscriptionEndsOn));
    }
}
