using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms.Export;

/// <summary>
/// A platform's data export (SPEC §6): one ZIP with <c>contacts.csv</c>, the invoices' and credit notes'
/// stored PDFs (<c>invoices/</c>, <c>credit-notes/</c>), <c>subscription-history.csv</c> and
/// <c>platform.json</c>. It is written straight to the output as rows are read, one contact or one PDF
/// at a time, so memory stays flat whatever the platform's size. It works on closed platforms too.
/// </summary>
internal sealed class PlatformExport(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    ExportProgressTracker tracker,
    TimeProvider clock,
    ILogger<PlatformExport> logger)
{
    public const string ContentType = "application/zip";

    /// <summary>How many contacts between two progress reports.</summary>
    private const int ContactsPerReport = 500;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly CsvWriterOptions Csv = new()
    {
        // A name such as "=HYPERLINK(...)" must stay text when the file is opened in a spreadsheet.
        Injection = CsvInjection.Escape,
    };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The admin's current platform's export, for Settings › Data export; null for a user without a platform.</summary>
    public async Task<ExportSummary?> GetSummaryAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CurrentPlatformIdAsync(user, ct) is { } platformId ? await SummaryAsync(db, platformId, ct) : null;
    }

    /// <summary>
    /// The export of <paramref name="platformId"/> if <paramref name="user"/> may download it: an admin of that
    /// platform, or a support agent. Null otherwise, exactly as for a platform that does not exist (SPEC §8).
    /// </summary>
    public async Task<ExportSummary?> AuthorizeAsync(ClaimsPrincipal user, int platformId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = await db.MayReadAsync(user, platformId, ct);
        return allowed && await db.Platforms.AnyAsync(p => p.Id == platformId, ct) ? await SummaryAsync(db, platformId, ct) : null;
    }

    /// <summary>Opens a progress entry for the next download of this user; its id goes in the download link.</summary>
    public Guid BeginProgress(ClaimsPrincipal user) => tracker.Begin(user.UserId());

    public ExportProgress? GetProgress(ClaimsPrincipal user, Guid id) => tracker.Get(id, user.UserId());

    public void ForgetProgress(ClaimsPrincipal user, Guid id) => tracker.Forget(id, user.UserId());

    public IProgress<ExportProgress>? ReporterFor(ClaimsPrincipal user, Guid? id) => id is { } key ? tracker.ReporterFor(key, user.UserId()) : null;

    /// <summary>
    /// Records the export in the platform's audit log, then writes the ZIP to <paramref name="output"/>, which
    /// may accept only asynchronous writes (an HTTP response). A stored PDF that fails its SHA-256 check stops
    /// the export with an exception: a download is never completed with bytes other than those issued.
    /// </summary>
    public async Task WriteAsync(ExportSummary summary, Actor actor, Stream output, IProgress<ExportProgress>? progress, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using (var audit = await dbFactory.CreateDbContextAsync(ct))
        {
            audit.AuditEntries.Add(actor.Entry(now.UtcDateTime, summary.PlatformId, AuditActions.DataExported,
                $"Data export downloaded ({summary.FileName}): {Count(summary.Contacts, "contact")}, {Count(summary.Invoices, "invoice")}, {Count(summary.CreditNotes, "credit note")}."));
            await audit.SaveChangesAsync(ct);
        }

        var done = 0;
        progress?.Report(new ExportProgress(0, summary.TotalItems, false, false));
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var buffered = new SyncWriteBufferingStream(output);
            await using (var zip = await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8, ct))
            {
                done = await WriteContactsAsync(db, zip, summary, now, done, progress, ct);
                done = await WriteDocumentsAsync(db, zip, summary, now, done, progress, ct);
                await WriteHistoryAsync(db, zip, summary.PlatformId, now, ct);
                progress?.Report(new ExportProgress(++done, summary.TotalItems, false, false));
                await WriteDetailsAsync(db, zip, summary, now, ct);
                progress?.Report(new ExportProgress(++done, summary.TotalItems, false, false));
            }

            await buffered.FlushAsync(ct);
            progress?.Report(new ExportProgress(summary.TotalItems, summary.TotalItems, true, false));
        }
        catch
        {
            progress?.Report(new ExportProgress(done, summary.TotalItems, true, true));
            throw;
        }
    }

    /// <summary>"chorale-du-marais-data-export-2026-03-20.zip": the platform's name in plain letters, and the day.</summary>
    public static string FileName(string platformName, DateOnly day)
    {
        var slug = new StringBuilder();
        foreach (var c in platformName.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        name = name.Length > 60 ? name[..60].TrimEnd('-') : name;
        return $"{(name.Length == 0 ? "platform" : name)}-data-export-{day:yyyy-MM-dd}.zip";
    }

    private async Task<ExportSummary> SummaryAsync(ApplicationDbContext db, int platformId, CancellationToken ct)
    {
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == platformId, ct);
        var contacts = await db.Contacts.CountAsync(c => c.PlatformId == platformId, ct);
        var invoices = await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice, ct);
        var creditNotes = await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.CreditNote, ct);
        var today = PeriodMath.LocalDate(clock.GetUtcNow(), platform.TimeZone);
        return new ExportSummary(platformId, platform.Name, contacts, invoices, creditNotes, platform.Status == PlatformStatus.Closed,
            FileName(platform.Name, today));
    }

    private static async Task<int> WriteContactsAsync(ApplicationDbContext db, ZipArchive zip, ExportSummary summary, DateTimeOffset now, int done,
        IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        await using var entry = await OpenEntryAsync(zip, "contacts.csv", now, CompressionLevel.Optimal, ct);
        await using var csv = CsvWriter.Create(entry, Csv, leaveOpen: true);
        await HeaderAsync(csv, ["id", "first_name", "last_name", "email", "archived", "created_at_utc"], ct);
        var rows = db.Contacts.AsNoTracking()
            .Where(c => c.PlatformId == summary.PlatformId)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.IsArchived, c.CreatedAtUtc })
            .AsAsyncEnumerable();
        var written = 0;
        await foreach (var c in rows.WithCancellation(ct))
        {
            csv.WriteField(c.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(c.FirstName);
            csv.WriteField(c.LastName);
            csv.WriteField(c.Email);
            csv.WriteField(c.IsArchived ? "true" : "false");
            csv.WriteField(Utc(c.CreatedAtUtc));
            await csv.EndRecordAsync(ct);
            if (++written % ContactsPerReport == 0)
            {
                progress?.Report(new ExportProgress(done + written, summary.TotalItems, false, false));
            }
        }

        await csv.FlushAsync(ct);
        progress?.Report(new ExportProgress(done + written, summary.TotalItems, false, false));
        return done + written;
    }

    private async Task<int> WriteDocumentsAsync(ApplicationDbContext db, ZipArchive zip, ExportSummary summary, DateTimeOffset now, int done,
        IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        // The list is small (ids and numbers); the PDFs are read one at a time.
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.PlatformId == summary.PlatformId)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Number, d.Kind, d.PdfSha256 })
            .ToListAsync(ct);
        foreach (var document in documents)
        {
            var pdf = await db.Documents.AsNoTracking().Where(d => d.Id == document.Id).Select(d => d.Pdf).SingleAsync(ct);
            if (!StoredBytes.AreIntact(pdf, document.PdfSha256))
            {
                logger.ExportStoppedOnIntegrityCheck(document.Number);
                throw new InvalidDataException($"Document {document.Number} failed its integrity check; the export was stopped.");
            }

            var folder = document.Kind == DocumentKind.Invoice ? "invoices" : "credit-notes";
            await using (var entry = await OpenEntryAsync(zip, $"{folder}/{document.Number}.pdf", now, CompressionLevel.Optimal, ct))
            {
                await entry.WriteAsync(pdf, ct);
            }

            progress?.Report(new ExportProgress(++done, summary.TotalItems, false, false));
        }

        return done;
    }

    private static async Task WriteHistoryAsync(ApplicationDbContext db, ZipArchive zip, int platformId, DateTimeOffset now, CancellationToken ct)
    {
        await using var entry = await OpenEntryAsync(zip, "subscription-history.csv", now, CompressionLevel.Optimal, ct);
        await using var csv = CsvWriter.Create(entry, Csv, leaveOpen: true);
        await HeaderAsync(csv, ["at_utc", "event", "details", "actor", "on_behalf_of"], ct);
        var events = db.AuditEntries.AsNoTracking()
            .Where(a => a.PlatformId == platformId
                && (a.Action.StartsWith("subscription.") || a.Action == AuditActions.PlatformCreated || a.Action == AuditActions.PlatformClosed))
            .OrderBy(a => a.Id)
            .Select(a => new { a.AtUtc, a.Action, a.Details, a.ActorEmail, a.OnBehalfOfEmail })
            .AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct))
        {
            csv.WriteField(Utc(e.AtUtc));
            csv.WriteField(e.Action);
            csv.WriteField(e.Details);
            csv.WriteField(e.ActorEmail);
            csv.WriteField(e.OnBehalfOfEmail ?? "");
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    private static async Task WriteDetailsAsync(ApplicationDbContext db, ZipArchive zip, ExportSummary summary, DateTimeOffset now, CancellationToken ct)
    {
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == summary.PlatformId, ct);
        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.PlatformId == summary.PlatformId, ct);
        var offer = await db.Offers.AsNoTracking().Where(o => o.Code == subscription.OfferCode).Select(o => o.Name).SingleAsync(ct);
        var mandate = await MandateService.ActiveAsync(db, summary.PlatformId, ct);
        var details = new
        {
            ExportedAtUtc = Utc(now.UtcDateTime),
            Platform = new
            {
                platform.Id,
                platform.Name,
                platform.AddressLine,
                platform.PostalCode,
                platform.City,
                platform.Country,
                platform.Siren,
                platform.BillingEmail,
                TimeZone = platform.TimeZoneId,
                Status = platform.Status.ToString().ToLowerInvariant(),
                CreatedAtUtc = Utc(platform.CreatedAtUtc),
                ClosedAtUtc = platform.ClosedAtUtc is { } closed ? Utc(closed) : null,
                AccountBalanceEur = Money.FromCents(platform.BalanceCents),
            },
            Subscription = new
            {
                subscription.OfferCode,
                OfferName = offer,
                TierMaxContacts = subscription.Plan?.TierMaxContacts,
                Commitment = subscription.Plan?.Commitment.ToString().ToLowerInvariant(),
                PeriodStart = subscription.Plan?.PeriodStart,
                PeriodEndExclusive = subscription.Plan?.PeriodEnd,
                subscription.CancelAtPeriodEnd,
                subscription.EndedOn,
            },
            // The export may travel by email: the IBAN is masked, as on every screen.
            Mandate = mandate is null ? null : new { mandate.AccountHolder, Iban = Iban.Mask(mandate.Iban), mandate.Reference, mandate.SignedOn },
            Contents = new { summary.Contacts, summary.Invoices, summary.CreditNotes },
        };
        await using var entry = await OpenEntryAsync(zip, "platform.json", now, CompressionLevel.Optimal, ct);
        await JsonSerializer.SerializeAsync(entry, details, Json, ct);
    }

    private static async Task HeaderAsync(CsvWriter csv, string[] names, CancellationToken ct)
    {
        foreach (var name in names)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(ct);
    }

    private static async Task<Stream> OpenEntryAsync(ZipArchive zip, string name, DateTimeOffset now, CompressionLevel level, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = now;
        return await entry.OpenAsync(ct);
    }

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
