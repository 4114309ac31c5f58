using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>
/// The demo app with the Chorale's admin signed in, and the ids of another platform's things
/// (Club Nautique de Lyon's) to try on them: its platform, its admin, an invoice, a quote.
/// </summary>
public sealed class CrossTenantWorld : IAsyncLifetime
{
    public PortalApp App { get; } = new();

    /// <summary>serenity@demo.test's browser, signed in through the real form.</summary>
    public PortalClient Admin { get; private set; } = default!;

    /// <summary>serenity@demo.test as the app sees them: the principal inside their cookie.</summary>
    public ClaimsPrincipal AdminPrincipal { get; private set; } = default!;

    public string AdminAntiforgeryToken { get; private set; } = "";

    public int OtherPlatformId { get; private set; }

    public string OtherAdminId { get; private set; } = "";

    public int OtherInvoiceId { get; private set; }

    public Guid OtherQuoteId { get; private set; }

    /// <summary>The other platform's direct debit (collected, from the demo data).</summary>
    public int OtherDebitId { get; private set; }

    /// <summary>A direct-debit file sent to the bank, holding the other platform's bank details.</summary>
    public int OtherDebitFileId { get; private set; }

    /// <summary>A failed email of the other platform's outbox.</summary>
    public Guid OtherEmailId { get; private set; }

    /// <summary>A one-time export download ticket issued to the other platform's admin.</summary>
    public string OtherExportTicket { get; private set; } = "";

    /// <summary>An export progress entry opened by the other platform's admin.</summary>
    public Guid OtherExportProgressId { get; private set; }

    public async Task InitializeAsync()
    {
        Admin = App.CreatePortalClient();
        await Admin.SignInAsync("serenity@demo.test");
        AdminPrincipal = App.ReadIdentityCookie(Admin.IdentityCookie!)!.Principal;
        AdminAntiforgeryToken = await Admin.AntiforgeryTokenAsync();

        using var other = App.CreatePortalClient();
        await other.SignInAsync("pro@demo.test");
        var otherPrincipal = App.ReadIdentityCookie(other.IdentityCookie!)!.Principal;
        await using var scope = App.Services.CreateAsyncScope();
        var quoted = await scope.ServiceProvider.GetRequiredService<SubscriptionChanges>()
            .QuoteAsync(otherPrincipal, new ChangeTarget(CatalogSeed.Professional, 2500, Commitment.Annual));
        OtherQuoteId = Assert.IsType<QuoteOutcome.Quoted>(quoted).Quote.Id;
        OtherExportProgressId = scope.ServiceProvider.GetRequiredService<PlatformExport>().BeginProgress(otherPrincipal);

        await using var db = App.OpenDatabase();
        var lyon = await db.Platforms.SingleAsync(p => p.Name == "Club Nautique de Lyon");
        OtherPlatformId = lyon.Id;
        OtherAdminId = await db.Memberships.Where(m => m.PlatformId == lyon.Id).Select(m => m.UserId).FirstAsync();
        OtherExportTicket = App.Services.GetRequiredService<ExportTickets>().Issue(OtherAdminId, lyon.Id, null);
        OtherInvoiceId = await db.Documents.Where(d => d.PlatformId == lyon.Id && d.Kind == DocumentKind.Invoice).Select(d => d.Id).FirstAsync();
        OtherDebitId = await db.DirectDebits.Where(d => d.PlatformId == lyon.Id).Select(d => d.Id).FirstAsync();
        var file = new DirectDebitFile("SP-CROSS-TENANT", DateTime.UtcNow, "pain008-cross-tenant.xml", "application/xml", 1, 100, "<Document/>"u8.ToArray());
        db.DirectDebitFiles.Add(file);
        var email = new OutboxMessage(Guid.NewGuid(), lyon.Id, EmailKind.InvoiceIssued, "fr-FR", "tresorier@club-nautique.test", "Facture", "<p>Facture</p>",
            "Facture\n", null, null, DateTime.UtcNow);
        db.OutboxMessages.Add(email);
        await db.SaveChangesAsync();
        await db.OutboxMessages.Where(m => m.Id == email.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "550 refused"));
        OtherDebitFileId = file.Id;
        OtherEmailId = email.Id;
    }

    public static T Get<T>(IServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// A digest of every row of every table: equal before and after means nothing at all was written.
    /// </summary>
    public async Task<string> FingerprintAsync()
    {
        await using var db = App.OpenDatabase();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(reader.GetValue(i) is byte[] bytes
                        ? bytes
                        : Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "∅"));
                    hash.AppendData([0]);
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
    }
}
