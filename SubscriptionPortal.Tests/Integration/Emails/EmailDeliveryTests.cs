using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Integration.Payments;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>The billing emails, sent through a real SMTP server on 127.0.0.1 and read back as they arrived.</summary>
public sealed class EmailDeliveryTests : SmtpEmailTest
{
    [Fact]
    public async Task Validate_Upgrade_EmailsTheInvoiceAsTheDebitPreNotification_WithItsPdf()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var quote = await Database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        var applied = Assert.IsType<ChangeOutcome.Applied>(await Database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        var run = await Database.SendEmailsAsync();

        Assert.Equal(new SendRun(3, 0, 0), run);
        var row = (await Database.OutboxAsync(platformId)).Single(m => m.Kind == EmailKind.InvoiceIssued && m.AttachmentDocumentId == applied.InvoiceId);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var received = Smtp.ReceivedFor(row);
        var recipient = await Database.BillingEmailAsync(platformId);
        EmailWorld.AssertDelivered(received, row, recipient, $"Facture {applied.InvoiceNumber}");
        Assert.Equal("fr-FR", row.Language);
        DirectDebit debit;
        await using (var db = Database.CreateContext())
        {
            debit = await db.DirectDebits.AsNoTracking().SingleAsync(d => d.InvoiceId == applied.InvoiceId);
        }

        var invoice = await ReadDocumentAsync(applied.InvoiceId!.Value);
        EmailWorld.AssertBodiesSay(received.Message,
            "Bonjour Chorale du Marais,",
            $"La facture {applied.InvoiceNumber} a été émise",
            "Ce message vaut pré-notification du prélèvement SEPA",
            EmailWorld.French(() => Format.Period(invoice.PeriodStart, invoice.PeriodEnd)),
            EmailWorld.French(() => Format.Eur(Money.FromCents(invoice.TotalIncludingVatCents))),
            EmailWorld.French(() => Format.Eur(Money.FromCents(debit.AmountCents))),
            EmailWorld.French(() => Format.Date(debit.CollectionDate)),
            $"TEST-{platformId}",
            "FR72ZZZ123456",
            "Identifiant créancier SEPA (ICS)");
        Assert.Equal(await Database.PdfAsync(applied.InvoiceId!.Value), EmailWorld.AttachmentBytes(received.Message, $"{applied.InvoiceNumber}.pdf"));
        // The pre-notification reaches the debtor at least 2 calendar days before the collection, as the mandate agrees.
        Assert.True(debit.CollectionDate.ToDateTime(TimeOnly.MinValue) >= row.QueuedAtUtc.AddDays(MandateService.PreNotificationDays));
    }

    [Fact]
    public async Task Validate_Upgrade_EmailsTheCreditNoteAndWhereItsAmountWent_WithItsPdf()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var quote = await Database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        var applied = Assert.IsType<ChangeOutcome.Applied>(await Database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await Database.SendEmailsAsync();

        var row = (await Database.OutboxAsync(platformId)).Single(m => m.Kind == EmailKind.CreditNoteIssued);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Avoir {applied.CreditNoteNumber}");
        var creditNote = await ReadDocumentAsync(applied.CreditNoteId!.Value);
        var opening = await ReadDocumentAsync(creditNote.CorrectsDocumentId!.Value);
        EmailWorld.AssertBodiesSay(received.Message,
            $"L'avoir {applied.CreditNoteNumber} corrige la facture {opening.Number}",
            EmailWorld.French(() => Format.Eur(Money.FromCents(creditNote.TotalIncludingVatCents))),
            $"{EmailWorld.French(() => Format.Eur(Money.FromCents(creditNote.TotalIncludingVatCents)))} sont déduits de la facture {applied.InvoiceNumber}.");
        Assert.Equal(await Database.PdfAsync(applied.CreditNoteId!.Value), EmailWorld.AttachmentBytes(received.Message, $"{applied.CreditNoteNumber}.pdf"));
    }

    [Fact]
    public async Task WriteOff_UnpaidInvoice_EmailsTheCreditNoteSayingNothingMoreIsOwed_WithItsPdf()
    {
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var failed = await Database.SubmitAndFailAsync(platformId, "AM04");

        var written = await Database.Get<OverdueDesk>().WriteOffAsync(DirectDebitWorld.Agent, platformId, failed.InvoiceId, "Association dissolved");
        Assert.True(written.Succeeded, written.Message);
        await Database.SendEmailsAsync();

        var row = Assert.Single(await Database.OutboxAsync(platformId), m => m.Kind == EmailKind.CreditNoteIssued);
        BillingDocument creditNote;
        await using (var db = Database.CreateContext())
        {
            creditNote = await db.Documents.AsNoTracking().SingleAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.CreditNote);
        }

        var invoice = await ReadDocumentAsync(failed.InvoiceId);
        var received = Smtp.ReceivedFor(row);
        EmailWorld.AssertDelivered(received, row, await Database.BillingEmailAsync(platformId), $"Avoir {creditNote.Number}");
        EmailWorld.AssertBodiesSay(received.Message,
            $"L'avoir {creditNote.Number} corrige la facture {invoice.Number}",
            $"{EmailWorld.French(() => Format.Eur(Money.FromCents(creditNote.TotalIncludingVatCents)))} soldent ce qui restait impayé sur la facture {invoice.Number}");
        Assert.Equal(creditNote.Pdf, EmailWorld.AttachmentBytes(received.Message, $"{creditNote.Number}.pdf"));
    }

    [Fact]
    public async Task Renew_DueSubscription_EmailsTheRenewalInvoiceWithItsDebit()
    {
        // The period 19 Feb – 18 Mar has ended; today is 20 Mar, so the debit is collected on 23 Mar.
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 2, 19));

        Assert.Equal(1, await Database.Get<RenewalService>().RenewDueAsync());
        await Database.SendEmailsAsync();

        var rows = (await Database.OutboxAsync(platformId)).Where(m => m.Kind == EmailKind.InvoiceIssued).ToList();
        Assert.Equal(2, rows.Count);
        // Both rows were queued at the same instant of the test clock: the renewal is the one for the new period.
        BillingDocument invoice;
        await using (var db = Database.CreateContext())
        {
            invoice = await db.Documents.AsNoTracking()
                .SingleAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice && d.PeriodStart == new DateOnly(2026, 3, 19));
        }

        var renewal = Assert.Single(rows, m => m.AttachmentDocumentId == invoice.Id);
        var received = Smtp.ReceivedFor(renewal);
        EmailWorld.AssertDelivered(received, renewal, await Database.BillingEmailAsync(platformId), $"Facture {invoice.Number}");
        EmailWorld.AssertBodiesSay(received.Message, "Ce message vaut pré-notification du prélèvement SEPA", EmailWorld.French(() => Format.Date(new DateOnly(2026, 3, 23))));
        Assert.Equal(invoice.Pdf, EmailWorld.AttachmentBytes(received.Message, $"{invoice.Number}.pdf"));
    }

    [Fact]
    public async Task Email_PlatformWithoutBillingEmail_GoesToItsAdmins()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        await using (var db = Database.CreateContext())
        {
            await db.Platforms.Where(p => p.Id == platformId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BillingEmail, ""));
        }

        var quote = await Database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        var applied = Assert.IsType<ChangeOutcome.Applied>(await Database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        await Database.SendEmailsAsync();

        var adminEmail = admin.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? admin.Identity!.Name!;
        var last = (await Database.OutboxAsync(platformId)).Single(m => m.Kind == EmailKind.InvoiceIssued && m.AttachmentDocumentId == applied.InvoiceId);
        Assert.Equal(adminEmail, last.Recipients);
        Assert.Equal([adminEmail], Smtp.ReceivedFor(last).EnvelopeTo);
    }

    private async Task<BillingDocument> ReadDocumentAsync(int id)
    {
        await using var db = Database.CreateContext();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }
}
