using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>
/// The emails sent on a date (closing soon, platform closed, annual renewal ahead) and the one sent when support
/// acts as an admin, read back from a real SMTP server; the jobs that queue them run twice and queue once.
/// </summary>
public sealed class LifecycleEmailTests : SmtpEmailTest
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone);

    [Fact]
    public async Task ReminderJob_SevenDaysBeforeACancelledSubscriptionEnds_EmailsTheClosingDateAndTheExportReminderOnce()
    {
        // Serenity monthly from 10 Mar, cancelled on 20 Mar: it ends on 10 Apr.
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        Assert.True((await Database.Get<SubscriptionLifecycle>().CancelAsync(admin)).Succeeded);
        var reminders = Database.Get<ReminderService>();

        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.QueueDueAsync());
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.QueueDueAsync());
        Assert.Equal(0, await reminders.QueueDueAsync());
        Database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await reminders.QueueDueAsync());
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.ClosingSoon);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var end = EmailWorld.French(() => Format.Date(new DateOnly(2026, 4, 10)));
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Votre plateforme ferme le {end}");
        Assert.Equal("fr-FR", row.Language);
        EmailWorld.AssertBodiesSay(received.Message,
            "Bonjour Chorale du Marais,",
            $"Votre abonnement résilié arrive à son terme : la plateforme ferme le {end}.",
            "Serenity",
            $"Exportez vos données avant le {end}",
            "http://localhost:5073/settings/export");
        Assert.Empty(received.Message.Attachments);
    }

    [Fact]
    public async Task ReminderJob_TwoInstancesTogether_QueueTheReminderOnce()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        Assert.True((await Database.Get<SubscriptionLifecycle>().CancelAsync(admin)).Succeeded);
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 5, 9, 0, 0, TimeSpan.Zero));
        await using var other = await Database.StartInstanceAsync("b");

        var runs = await Task.WhenAll(Database.Get<ReminderService>().QueueDueAsync(), other.Get<ReminderService>().QueueDueAsync());

        Assert.Equal(1, runs.Sum());
        Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.ClosingSoon);
    }

    [Fact]
    public async Task CloseDue_EnglishPlatformWhoseCancelledSubscriptionEnded_EmailsThatItIsClosedInTheClosingTransaction()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        await SetLanguageAsync(platformId, "en-GB");
        Assert.True((await Database.Get<SubscriptionLifecycle>().CancelAsync(admin)).Succeeded);
        var closure = Database.Get<ClosureService>();

        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await closure.CloseDueAsync());
        Assert.Equal(0, await closure.CloseDueAsync());
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.PlatformClosed);
        await using (var db = Database.CreateContext())
        {
            var closedAt = await db.Platforms.Where(p => p.Id == platformId).Select(p => p.ClosedAtUtc).SingleAsync();
            Assert.Equal(closedAt, row.QueuedAtUtc);
        }

        Assert.Equal("en-GB", row.Language);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), "Your platform Chorale du Marais is closed");
        EmailWorld.AssertBodiesSay(received.Message,
            "Hello Chorale du Marais,",
            "Your subscription has ended and the platform is now closed.",
            "your invoices and credit notes, and the data export (contacts, documents, history), are still open to its admins",
            "create a new Liberty platform",
            "http://localhost:5073/settings/export",
            "http://localhost:5073/settings/invoices");
    }

    [Fact]
    public async Task ReminderJob_ThirtyDaysBeforeAnAnnualRenewal_EmailsOfferTierAmountAndCollectionDateTheRenewalThenKeeps()
    {
        // Serenity 250 contacts, annual from 10 Mar 2026: it renews on 10 Mar 2027.
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10), commitment: Commitment.Annual);
        var reminders = Database.Get<ReminderService>();

        Database.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 7, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.QueueDueAsync());
        Database.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 8, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.QueueDueAsync());
        Assert.Equal(0, await reminders.QueueDueAsync());
        await Database.SendEmailsAsync();

        // The renewal itself, on the day: the amount and collection date the reminder announced.
        Database.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Database.Get<RenewalService>().RenewDueAsync());
        BillingDocument invoice;
        DirectDebit debit;
        await using (var db = Database.CreateContext())
        {
            invoice = await db.Documents.AsNoTracking().Where(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice).OrderByDescending(d => d.Id).FirstAsync();
            debit = await db.DirectDebits.AsNoTracking().SingleAsync(d => d.InvoiceId == invoice.Id);
        }

        Assert.Equal(new DateOnly(2027, 3, 10), invoice.PeriodStart);
        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.RenewalReminder);
        var received = Smtp.ReceivedFor(row);
        var renewsOn = EmailWorld.French(() => Format.Date(new DateOnly(2027, 3, 10)));
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Votre abonnement sera renouvelé le {renewsOn}");
        var amount = EmailWorld.French(() => Format.Eur(Money.FromCents(invoice.TotalIncludingVatCents)));
        var collection = EmailWorld.French(() => Format.Date(debit.CollectionDate));
        EmailWorld.AssertBodiesSay(received.Message,
            $"Votre abonnement annuel sera renouvelé le {renewsOn}, pour un an",
            amount,
            $"le {collection}, après l'e-mail de la facture",
            "http://localhost:5073/settings/subscription");
        Assert.Contains("Offre: Serenity\nContacts: 250\n", received.Message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"Montant du renouvellement TTC: {amount}\nDate de prélèvement prévue: le {collection}", received.Message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderJob_MonthlySubscription_SendsNoRenewalReminder()
    {
        await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 5, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await Database.Get<ReminderService>().QueueDueAsync());
        Assert.DoesNotContain(await Database.OutboxAsync(), m => m.Kind == EmailKind.RenewalReminder);
    }

    [Fact]
    public async Task StartImpersonation_EmailsTheAgentTheReasonAndTheTime()
    {
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        string adminId;
        await using (var db = Database.CreateContext())
        {
            adminId = await db.Memberships.Where(m => m.PlatformId == platformId).Select(m => m.UserId).SingleAsync();
        }

        var users = Database.Get<UserManager<ApplicationUser>>();
        var agent = new ApplicationUser { UserName = "camille@support.test", Email = "camille@support.test", EmailConfirmed = true, DisplayName = "Camille Support" };
        Assert.True((await users.CreateAsync(agent)).Succeeded);
        Assert.True((await users.AddToRoleAsync(agent, PortalRoles.Support)).Succeeded);
        var reason = "Ticket 4711: the treasurer cannot find last month's invoice.";

        var started = await Database.Get<ImpersonationService>().StartAsync(await Database.PrincipalAsync("camille@support.test"), adminId, platformId, reason);
        Assert.IsType<ImpersonationStart.Started>(started);
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.ImpersonationStarted);
        var adminName = "Chorale du Marais admin";
        var at = EmailWorld.French(() => Format.DateTime(Database.Clock.GetUtcNow().UtcDateTime, Paris));
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Un agent du support agit en tant que {adminName}");
        EmailWorld.AssertBodiesSay(received.Message,
            $"Camille Support, de notre équipe support, a commencé à agir en tant que {adminName} sur votre plateforme le {at}",
            reason,
            "http://localhost:5073/settings/activity");
    }

    private async Task SetLanguageAsync(int platformId, string language)
    {
        await using var db = Database.CreateContext();
        await db.Platforms.Where(p => p.Id == platformId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BillingLanguage, language));
    }
}
