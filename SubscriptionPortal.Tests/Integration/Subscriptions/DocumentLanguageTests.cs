using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class DocumentLanguageTests
{
    // 2026-03-20 10:00 in Paris.
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PeriodStart = new(2026, 3, 10);

    [Fact]
    public async Task Issue_NewPlatform_IssuesItsDocumentsInFrench()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", PeriodStart);

        await using var db = database.CreateContext();
        var invoice = await db.Documents.SingleAsync(d => d.PlatformId == platformId);
        Assert.Equal("fr-FR", invoice.Language);
        var text = PdfReadBack.Of(invoice.Pdf).Flat;
        Assert.Contains("Facture", text);
        Assert.Contains("Total TTC", text);
        Assert.DoesNotContain("Total incl. VAT", text);
    }

    [Fact]
    public async Task ChangeBillingLanguage_AfterIssue_LeavesIssuedDocumentsAsTheyWereAndIssuesTheNextInTheNewLanguage()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        BillingDocument opening;
        await using (var db = database.CreateContext())
        {
            opening = await db.Documents.AsNoTracking().SingleAsync(d => d.PlatformId == platformId);
        }

        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.BillingLanguage = BillingLanguage.English;
        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly));
        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await using (var db = database.CreateContext())
        {
            var before = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == opening.Id);
            Assert.Equal("fr-FR", before.Language);
            Assert.Equal(opening.Pdf, before.Pdf);
            Assert.Equal(opening.PdfSha256, before.PdfSha256);

            foreach (var id in new[] { applied.CreditNoteId!.Value, applied.InvoiceId!.Value })
            {
                var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
                Assert.Equal("en-GB", document.Language);
                var text = PdfReadBack.Of(document.Pdf).Flat;
                Assert.True(text.IndexOf("Total TTC", StringComparison.Ordinal) < text.IndexOf("Total incl. VAT", StringComparison.Ordinal));
            }
        }

        // Back to French: what was issued in English stays English.
        form.BillingLanguage = BillingLanguage.French;
        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);
        await using (var db = database.CreateContext())
        {
            var invoice = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == applied.InvoiceId!.Value);
            Assert.Equal("en-GB", invoice.Language);
            Assert.Equal(invoice.PdfSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(invoice.Pdf)));
        }
    }

    [Fact]
    public async Task Change_OnAFrenchPlatform_WritesTheLinesAndTheCreditNoteReasonInFrench()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Annual));

        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await using var db = database.CreateContext();
        var creditNote = await db.Documents.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Id == applied.CreditNoteId!.Value);
        var invoice = await db.Documents.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Id == applied.InvoiceId!.Value);
        Assert.Equal("Professional — jusqu'à 1\u00A0000 contacts — annuel", Assert.Single(invoice.Lines).Description);
        Assert.Equal("Serenity — jusqu'à 250 contacts — mensuel — 21 jours non utilisés sur 31", Assert.Single(creditNote.Lines).Description);
        Assert.Equal("Changement d'abonnement le 20/03/2026 : la part non utilisée de la période est créditée.", creditNote.Reason);
        Assert.Contains(Squeezed("Professional — jusqu'à 1 000 contacts — annuel"), Squeezed(PdfReadBack.Of(invoice.Pdf).Flat), StringComparison.Ordinal);
        var creditText = Squeezed(PdfReadBack.Of(creditNote.Pdf).Flat);
        Assert.Contains(Squeezed("Serenity — jusqu'à 250 contacts — mensuel — 21 jours non utilisés sur 31"), creditText, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Changement d'abonnement le 20/03/2026 : la part non utilisée de la période est créditée."), creditText, StringComparison.Ordinal);
        Assert.DoesNotContain("unused", creditText, StringComparison.Ordinal);
    }

    // Wrapping may split a line's text anywhere: compared without whitespace.
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
