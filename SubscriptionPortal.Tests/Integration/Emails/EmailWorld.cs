using Microsoft.EntityFrameworkCore;
using MimeKit;
using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>Helpers for the email tests: the outbox as stored, the sender, what a message carries.</summary>
public static class EmailWorld
{
    /// <summary>What <paramref name="write"/> writes under French conventions, as a French email writes money and dates.</summary>
    public static string French(Func<string> write)
    {
        using var _ = CultureScope.French();
        return write();
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this TestDatabase database, int? platformId = null)
    {
        await using var db = database.CreateContext();
        var query = db.OutboxMessages.AsNoTracking();
        if (platformId is { } id)
        {
            query = query.Where(m => m.PlatformId == id);
        }

        return (await query.ToListAsync()).OrderBy(m => m.QueuedAtUtc).ThenBy(m => m.Kind).ThenBy(m => m.AttachmentDocumentId).ThenBy(m => m.Id).ToList();
    }

    public static Task<SendRun> SendEmailsAsync(this TestDatabase database) => database.Get<EmailSender>().SendDueAsync();

    public static async Task<string> BillingEmailAsync(this TestDatabase database, int platformId)
    {
        await using var db = database.CreateContext();
        return await db.Platforms.Where(p => p.Id == platformId).Select(p => p.BillingEmail).SingleAsync();
    }

    public static async Task<byte[]> PdfAsync(this TestDatabase database, int documentId)
    {
        await using var db = database.CreateContext();
        return await db.Documents.Where(d => d.Id == documentId).Select(d => d.Pdf).SingleAsync();
    }

    /// <summary>The one message the server received for <paramref name="row"/>, found by its Message-ID.</summary>
    public static TestSmtpServer.Received ReceivedFor(this TestSmtpServer smtp, OutboxMessage row) =>
        Assert.Single(smtp.Messages, m => m.Message.MessageId == row.MessageId);

    /// <summary>The headers every email carries, and the row's content in both bodies.</summary>
    public static void AssertDelivered(TestSmtpServer.Received received, OutboxMessage row, string recipient, string subject)
    {
        var message = received.Message;
        Assert.Equal([recipient], received.EnvelopeTo);
        Assert.Equal(recipient, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("billing@portal.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("support@portal.test", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal(subject, message.Subject);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(row.QueuedAtUtc, DateTimeKind.Utc)).ToUnixTimeSeconds(), message.Date.ToUnixTimeSeconds());
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal(row.Language, message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal(row.TextBody.ReplaceLineEndings(), message.TextBody!.ReplaceLineEndings());
        Assert.Equal(row.HtmlBody.ReplaceLineEndings(), message.HtmlBody!.ReplaceLineEndings());
    }

    /// <summary>Text that must be in the plain-text body and, as written, in the HTML one.</summary>
    public static void AssertBodiesSay(MimeMessage message, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.Contains(text, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(text.Replace("'", "&#39;", StringComparison.Ordinal), message.HtmlBody, StringComparison.Ordinal);
        }
    }

    public static byte[] AttachmentBytes(MimeMessage message, string fileName)
    {
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(fileName, part.FileName);
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
