using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Payments;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Integration.Forms;

/// <summary>
/// The form fuzz table, at the services the forms call (the trust boundary): every field of every form
/// gets every <see cref="FuzzValues"/> entry, and each is either refused with a message, nothing saved, or
/// stored as cleaned. Never an exception. Organization details accepted are then printed: a plan change
/// right after each yields a credit note and an invoice that carry every mandatory mention.
/// </summary>
public sealed class ServiceFormFuzzTests : IAsyncLifetime
{
    private static readonly ChangeTarget[] Targets =
    [
        new(CatalogSeed.Professional, 250, Commitment.Monthly),
        new(CatalogSeed.Serenity, 250, Commitment.Monthly),
    ];

    private static readonly (string Field, int Max, Action<OrganizationForm, string> Set, Func<Platform, string?> Stored)[] OrganizationFields =
    [
        (nameof(OrganizationForm.Name), FieldLimits.PlatformName, (f, v) => f.Name = v, p => p.Name),
        (nameof(OrganizationForm.AddressLine), FieldLimits.Address, (f, v) => f.AddressLine = v, p => p.AddressLine),
        (nameof(OrganizationForm.PostalCode), FieldLimits.PostalCode, (f, v) => f.PostalCode = v, p => p.PostalCode),
        (nameof(OrganizationForm.City), FieldLimits.City, (f, v) => f.City = v, p => p.City),
        (nameof(OrganizationForm.Country), FieldLimits.Country, (f, v) => f.Country = v, p => p.Country),
        (nameof(OrganizationForm.Siren), 9, (f, v) => f.Siren = v, p => p.Siren),
        (nameof(OrganizationForm.BillingEmail), FieldLimits.Email, (f, v) => f.BillingEmail = v, p => p.BillingEmail),
    ];

    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Organization_EveryFieldWithEveryFuzzValue_IsRefusedWithAMessageOrStoredAndPrintedWithEveryMention()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var baseline = (await settings.GetAsync(admin))!.Form;
        var failures = new List<string>();
        var printed = 0;
        foreach (var (field, max, set, stored) in OrganizationFields)
        {
            foreach (var (kind, value) in FuzzValues.For(max))
            {
                var form = Copy(baseline);
                set(form, value);
                var before = await PlatformAsync(admin);
                var audits = await AuditCountAsync();

                var result = await settings.SaveAsync(admin, form);

                var what = $"{field} with {kind}";
                var after = await PlatformAsync(admin);
                if (!result.Succeeded)
                {
                    if (result.FieldErrors?.GetValueOrDefault(field) is not { Length: > 0 })
                    {
                        failures.Add($"{what}: refused without a message on the field ({result.Message})");
                    }

                    if (!SameDetails(before, after) || await AuditCountAsync() != audits)
                    {
                        failures.Add($"{what}: refused, yet something was saved");
                    }

                    continue;
                }

                if (FuzzValues.AlwaysRefused(kind) || kind is FuzzValues.Emoji or FuzzValues.Cjk or FuzzValues.RtlScript)
                {
                    failures.Add($"{what}: accepted");
                }

                var expected = field == nameof(OrganizationForm.AddressLine) ? FieldText.CleanLines(value) : FieldText.Clean(value);
                if (field != nameof(OrganizationForm.Siren) && stored(after) != expected)
                {
                    failures.Add($"{what}: stored as '{stored(after)}'");
                }

                failures.AddRange(await PlanChangePrintsEverythingAsync(admin, after, printed++, what));
                Assert.True((await settings.SaveAsync(admin, Copy(baseline))).Succeeded);
            }
        }

        Assert.Empty(failures);
        Assert.True(printed >= 10, $"only {printed} values were accepted and printed");
    }

    [Fact]
    public async Task Organization_EmojiOrChineseInTheName_NamesTheCharactersThatCannotBePrinted()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.Name = "Chorale 漢 😀";

        var result = await settings.SaveAsync(admin, form);

        Assert.Equal("The association's name: « 漢 » and « 😀 » cannot be printed on invoices. Use Latin, Greek or Cyrillic letters, digits and common punctuation.",
            result.FieldErrors![nameof(OrganizationForm.Name)]);
    }

    [Fact]
    public async Task Organization_ThreeThousandCharacterAddress_IsRefusedAndTheNextInvoiceKeepsEveryMention()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.AddressLine = string.Concat(Enumerable.Repeat("12 rue du Faubourg Saint-Antoine ", 100))[..3000];

        var result = await settings.SaveAsync(admin, form);

        Assert.False(result.Succeeded);
        Assert.Equal("The address: each line can have at most 100 characters (line 1 has 3000).", result.FieldErrors![nameof(OrganizationForm.AddressLine)]);
        var platform = await PlatformAsync(admin);
        Assert.True(platform.AddressLine.Length <= FieldLimits.Address);
        Assert.Empty(await PlanChangePrintsEverythingAsync(admin, platform, 0, "after the refusal"));
    }

    [Fact]
    public async Task NewPlatform_EveryFieldWithEveryFuzzValue_IsRefusedWithAMessageOrCreatedWithTheCleanedValue()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var provisioning = database.Get<PlatformProvisioning>();
        var failures = new List<string>();
        foreach (var (field, max, set, stored) in OrganizationFields)
        {
            foreach (var (kind, value) in FuzzValues.For(max))
            {
                var form = new OrganizationForm { Name = "Fanfare de Lyon", Country = "France", BillingEmail = "fanfare@example.org" };
                set(form, value);
                var platforms = await PlatformCountAsync();

                var created = await provisioning.CreateAsync(admin, form, Guid.NewGuid());

                var what = $"{field} with {kind}";
                if (!created.Result.Succeeded)
                {
                    if (created.Result.FieldErrors?.GetValueOrDefault(field) is not { Length: > 0 })
                    {
                        failures.Add($"{what}: refused without a message on the field");
                    }

                    if (await PlatformCountAsync() != platforms)
                    {
                        failures.Add($"{what}: refused, yet a platform was created");
                    }

                    continue;
                }

                if (FuzzValues.AlwaysRefused(kind) || kind is FuzzValues.Emoji or FuzzValues.Cjk or FuzzValues.RtlScript)
                {
                    failures.Add($"{what}: accepted");
                }

                await using var db = database.CreateContext();
                var platform = await db.Platforms.SingleAsync(p => p.Id == created.PlatformId);
                var expected = field == nameof(OrganizationForm.AddressLine) ? FieldText.CleanLines(value) : FieldText.Clean(value);
                if (field is not (nameof(OrganizationForm.Siren) or nameof(OrganizationForm.Country)) && stored(platform) != expected)
                {
                    failures.Add($"{what}: stored as '{stored(platform)}'");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Mandate_EveryFieldWithEveryFuzzValue_IsRefusedWithAMessageOrSignedWithTheCleanedHolder()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var mandates = database.Get<MandateService>();
        var failures = new List<string>();
        (string Field, int Max, Action<MandateForm, string> Set)[] fields =
        [
            (nameof(MandateForm.AccountHolder), FieldLimits.AccountHolder, (f, v) => f.AccountHolder = v),
            (nameof(MandateForm.Iban), 34, (f, v) => f.Iban = v),
        ];
        foreach (var (field, max, set) in fields)
        {
            foreach (var (kind, value) in FuzzValues.For(max))
            {
                var form = new MandateForm { AccountHolder = "Chorale du Marais", Iban = BillingWorld.TestIban, Authorised = true };
                set(form, value);
                var count = await MandateCountAsync();

                var result = await mandates.SignAsync(admin, form);

                var what = $"{field} with {kind}";
                if (!result.Succeeded)
                {
                    if (result.FieldErrors?.GetValueOrDefault(field) is not { Length: > 0 })
                    {
                        failures.Add($"{what}: refused without a message on the field");
                    }

                    if (await MandateCountAsync() != count)
                    {
                        failures.Add($"{what}: refused, yet a mandate was stored");
                    }

                    continue;
                }

                if (FuzzValues.AlwaysRefused(kind) || field == nameof(MandateForm.Iban) || kind is FuzzValues.Emoji or FuzzValues.Cjk or FuzzValues.RtlScript or FuzzValues.Html)
                {
                    failures.Add($"{what}: accepted");
                }

                var summary = await mandates.GetAsync(admin);
                if (summary?.AccountHolder != FieldText.Clean(value))
                {
                    failures.Add($"{what}: stored as '{summary?.AccountHolder}'");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task SupportSearch_EveryFuzzValue_IsRefusedWithAMessageOrSearchedForLiterally()
    {
        var directory = database.Get<SupportDirectory>();
        var failures = new List<string>();
        foreach (var (kind, value) in FuzzValues.For(FieldLimits.SearchTerm))
        {
            var problem = SupportDirectory.QueryProblem(value);
            var rows = await directory.SearchAsync(value);
            if (FuzzValues.AlwaysRefused(kind) != problem is not null)
            {
                failures.Add($"{kind}: {(problem is null ? "accepted" : "refused: " + problem)}");
            }

            // The demo names hold none of these: a quote or a percent sign must not turn into SQL or a wildcard.
            var expected = kind == FuzzValues.Empty ? await PlatformCountAsync() : 0;
            if (rows.Count != Math.Min(expected, SupportDirectory.MaxResults))
            {
                failures.Add($"{kind}: {rows.Count} platforms found");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ContactSearch_EveryFuzzValue_FindsNothingButNeverFails()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var contacts = database.Get<ContactDirectory>();
        var failures = new List<string>();
        foreach (var (kind, value) in FuzzValues.For(FieldLimits.SearchTerm))
        {
            var page = await contacts.SearchAsync(admin, value, archived: false, pageIndex: 0, pageSize: 25);

            // The Chorale's 180 demo contacts hold none of these values.
            var expected = kind == FuzzValues.Empty ? 180 : 0;
            if (page.TotalCount != expected)
            {
                failures.Add($"{kind}: {page.TotalCount} contacts found");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task DebitAnswers_EveryFuzzValue_IsRefusedWithAMessageAndChangesNothing()
    {
        var desk = database.Get<DirectDebitDesk>();
        var failures = new List<string>();
        var debitId = await FirstDebitIdAsync();
        foreach (var (kind, value) in FuzzValues.For(FieldLimits.ReasonCode))
        {
            var audits = await AuditCountAsync();
            var answer = await desk.RecordFailedAsync(DirectDebitWorld.Agent, debitId, value);
            var import = await desk.ImportReturnFileAsync(DirectDebitWorld.Agent, Encoding.UTF8.GetBytes(value));
            if (answer.Succeeded || string.IsNullOrEmpty(answer.Message))
            {
                failures.Add($"reason code with {kind}: {(answer.Succeeded ? "accepted" : "no message")}");
            }

            if (import.Result.Succeeded || string.IsNullOrEmpty(import.Result.Message))
            {
                failures.Add($"return file of {kind}: {(import.Result.Succeeded ? "accepted" : "no message")}");
            }

            if (await AuditCountAsync() != audits)
            {
                failures.Add($"{kind}: something was recorded");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>Changes the plan, then reads the credit note and the invoice it issued back with PdfPig.</summary>
    private async Task<IReadOnlyList<string>> PlanChangePrintsEverythingAsync(ClaimsPrincipal admin, Platform platform, int round, string what)
    {
        var quote = await database.QuoteAsync(admin, Targets[round % 2]);
        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        var seller = database.Services.GetRequiredService<IOptions<SellerDetails>>().Value;
        await using var db = database.CreateContext();
        var missing = new List<string>();
        foreach (var id in new[] { applied.CreditNoteId, applied.InvoiceId }.OfType<int>())
        {
            var document = await db.Documents.Include(d => d.Lines).SingleAsync(d => d.Id == id);
            var mentions = new List<string>
            {
                document.Number, "ISSUE DATE", MandatoryMentions.Date(document.IssueDate),
                "SERVICE PERIOD", $"{MandatoryMentions.Date(document.PeriodStart)} – {MandatoryMentions.Date(document.PeriodEnd.AddDays(-1))}",
                "Total excl. VAT (HT)", MandatoryMentions.Money(document.TotalExcludingVatCents),
                "VAT (TVA)", MandatoryMentions.Money(document.VatCents),
                "Total incl. VAT (TTC)", MandatoryMentions.Money(document.TotalIncludingVatCents),
                "Late-payment penalties", "Fixed indemnity for recovery costs in case of late payment: 40 €",
                seller.Name, $"SIREN {seller.Siren}", $"VAT no. {seller.VatNumber}",
                platform.Name,
            };
            mentions.AddRange(document.Lines.Select(l => l.Description));
            mentions.AddRange(platform.AddressLine.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            mentions.Add(document.Kind == DocumentKind.Invoice ? "Payment terms" : "Corrects invoice");
            var pdf = PdfReadBack.Of(document.Pdf);
            missing.AddRange(MandatoryMentions.Missing(pdf, mentions).Select(m => $"{what}: {document.Number} lacks '{m}'"));
            missing.AddRange(pdf.Pages.SelectMany(page => PdfLayout.Problems(page)).Take(3).Select(p => $"{what}: {document.Number}: {p}"));
        }

        if (applied.CreditNoteId is null || applied.InvoiceId is null)
        {
            missing.Add($"{what}: the change issued {applied.InvoiceNumber} / {applied.CreditNoteNumber}");
        }

        return missing;
    }

    private async Task<Platform> PlatformAsync(ClaimsPrincipal admin)
    {
        await using var db = database.CreateContext();
        var id = (await db.CurrentPlatformIdAsync(admin))!.Value;
        return await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<int> PlatformCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.Platforms.CountAsync();
    }

    private async Task<int> MandateCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.Mandates.CountAsync();
    }

    private async Task<int> FirstDebitIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.DirectDebits.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync() ?? 1;
    }

    private static bool SameDetails(Platform a, Platform b) =>
        (a.Name, a.AddressLine, a.PostalCode, a.City, a.Country, a.Siren, a.BillingEmail)
        == (b.Name, b.AddressLine, b.PostalCode, b.City, b.Country, b.Siren, b.BillingEmail);

    private static OrganizationForm Copy(OrganizationForm form) => new()
    {
        Name = form.Name,
        AddressLine = form.AddressLine,
        PostalCode = form.PostalCode,
        City = form.City,
        Country = form.Country,
        Siren = form.Siren,
        BillingEmail = form.BillingEmail,
    };
}
