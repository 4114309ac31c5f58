using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Payments;
using SubscriptionPortal.Tests.Integration.Payments.Dunning;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>The account's other emails (a failed debit, a cancellation, a mandate, a billing email change) in French and English, read back from the SMTP server.</summary>
public sealed class AccountEmailTests : SmtpEmailTest
{
    [Fact]
    public async Task DunningJob_DebitRefusedForInsufficientFunds_EmailsTheReasonAndTheNextAttempt()
    {
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 20));
        await Database.SubmitAndFailAsync(platformId, "AM04");

        await Database.RunDunningOnAsync(new DateOnly(2026, 3, 20));
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.DirectDebitFailed);
        var invoiceNumber = await InvoiceNumberAsync(platformId);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Échec du prélèvement de la facture {invoiceNumber}");
        EmailWorld.AssertBodiesSay(received.Message,
            "Votre banque n'a pas payé le prélèvement",
            "Provision insuffisante sur le compte (AM04)",
            $"Nous présenterons à nouveau le prélèvement le {EmailWorld.French(() => Format.Date(new DateOnly(2026, 3, 25)))}",
            "http://localhost:5073/settings/payment-method");
        Assert.Empty(received.Message.Attachments);
    }

    [Fact]
    public async Task DunningJob_AccountClosed_EmailsInEnglishThatANewMandateIsNeeded()
    {
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 20));
        await SetLanguageAsync(platformId, "en-GB");
        await Database.SubmitAndFailAsync(platformId, "AC04");

        await Database.RunDunningOnAsync(new DateOnly(2026, 3, 20));
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.DirectDebitFailed);
        Assert.Equal("en-GB", row.Language);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Direct debit failed for invoice {await InvoiceNumberAsync(platformId)}");
        EmailWorld.AssertBodiesSay(received.Message, "Hello Chorale du Marais,", "The account is closed (AC04)", "Please sign a new mandate for a valid account");
    }

    [Fact]
    public async Task Validate_EnglishPlatform_EmailsTheInvoiceInEnglish()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        await SetLanguageAsync(platformId, "en-GB");
        var quote = await Database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        var applied = Assert.IsType<ChangeOutcome.Applied>(await Database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.AttachmentDocumentId == applied.InvoiceId);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Invoice {applied.InvoiceNumber}");
        EmailWorld.AssertBodiesSay(received.Message, "This email is the pre-notification of the SEPA direct debit", "Creditor identifier (ICS)", "FR72ZZZ123456");
        Assert.Equal(await Database.PdfAsync(applied.InvoiceId!.Value), EmailWorld.AttachmentBytes(received.Message, $"{applied.InvoiceNumber}.pdf"));
    }

    [Fact]
    public async Task Cancel_PaidSubscription_EmailsTheEndDateAndTheExportReminder()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));

        Assert.True((await Database.Get<SubscriptionLifecycle>().CancelAsync(admin)).Succeeded);
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.SubscriptionCancelled);
        var end = EmailWorld.French(() => Format.Date(new DateOnly(2026, 4, 10)));
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Votre abonnement prend fin le {end}");
        EmailWorld.AssertBodiesSay(received.Message, $"Exportez vos données avant le {end}", "http://localhost:5073/settings/export");
    }

    [Fact]
    public async Task SignMandate_ReplacingOne_EmailsTheReferenceCreditorAndPreNotificationPeriod()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));

        var signed = await Database.Get<MandateService>().SignAsync(admin, new MandateForm { AccountHolder = "Chorale du Marais", Iban = BillingWorld.TestIban, Authorised = true });
        Assert.True(signed.Succeeded, signed.Message);
        await Database.SendEmailsAsync();

        SepaMandate mandate;
        await using (var db = Database.CreateContext())
        {
            mandate = await db.Mandates.AsNoTracking().SingleAsync(m => m.PlatformId == platformId && m.RevokedAtUtc == null);
        }

        Assert.Contains("SubscriptionPortal SAS (12 rue des Associations, 75004 Paris, France; SEPA creditor identifier FR72ZZZ123456)", mandate.AgreementText, StringComparison.Ordinal);
        Assert.Contains("at least 2 calendar days before the collection", mandate.AgreementText, StringComparison.Ordinal);
        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.MandateSigned);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Mandat de prélèvement SEPA {mandate.Reference}");
        EmailWorld.AssertBodiesSay(received.Message, "a été remplacé par un nouveau", mandate.Reference, "SubscriptionPortal SAS",
            "12 rue des Associations, 75004 Paris, France", "FR72ZZZ123456", "au moins 2 jours calendaires avant chaque prélèvement");
    }

    [Fact]
    public async Task SaveOrganization_NewBillingEmail_RecordsItAndTellsBothAddresses()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var settings = Database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        var old = form.BillingEmail;
        form.BillingEmail = "tresorier@chorale.example";

        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);
        await Database.SendEmailsAsync();

        var activity = Assert.Single(await Database.ActivityAsync(platformId, AuditActions.BillingEmailChanged));
        Assert.Contains($"from {old} to tresorier@chorale.example", activity.Details, StringComparison.Ordinal);
        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.BillingEmailChanged);
        var received = Smtp.ReceivedFor(row);
        Assert.Equal([old, "tresorier@chorale.example"], received.EnvelopeTo);
        Assert.Equal("Adresse de facturation de Chorale du Marais modifiée", received.Message.Subject);
        EmailWorld.AssertBodiesSay(received.Message, $"a été changée de {old} à tresorier@chorale.example");

        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);
        Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.BillingEmailChanged);
    }

    private async Task SetLanguageAsync(int platformId, string language)
    {
        await using var db = Database.CreateContext();
        await db.Platforms.Where(p => p.Id == platformId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BillingLanguage, language));
    }

    private async Task<string> InvoiceNumberAsync(int platformId)
    {
        await using var db = Database.CreateContext();
        return await db.Documents.Where(d => d.PlatformId == platformId).OrderBy(d => d.Id).Select(d => d.Number).FirstAsync();
    }
}
