using Microsoft.Extensions.Options;
using MimeKit;

namespace SubscriptionPortal.Emails;

/// <summary>
/// Writes each message as an <c>.eml</c> file named after its <c>Message-ID</c>: readable in any mail program,
/// and a message written twice (after a crash between writing and marking it sent) is the same one file.
/// </summary>
internal sealed class PickupTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var folder = options.Value.PickupFolder;
        if (!Path.IsPathRooted(folder))
        {
            folder = Path.Combine(environment.ContentRootPath, folder);
        }

        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailSession>(new Session(folder));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var path = Path.Combine(folder, FileNameOf(message.MessageId ?? throw new InvalidOperationException("A message leaves with its Message-ID.")));
            var partial = path + ".partial";
            await using (var file = File.Create(partial))
            {
                await message.WriteToAsync(file, ct);
            }

            // Readers never see half a message: the complete file takes the name in one step.
            File.Move(partial, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The file name of a message: its <c>Message-ID</c>'s local part (a 32-digit hexadecimal id).</summary>
    public static string FileNameOf(string messageId) => messageId.Split('@')[0] + ".eml";
}
