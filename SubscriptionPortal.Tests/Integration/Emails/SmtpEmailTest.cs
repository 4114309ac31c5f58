namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>Base of the email tests: a real SMTP server on 127.0.0.1 and a fresh database whose app sends to it.</summary>
public abstract class SmtpEmailTest : IAsyncLifetime
{
    protected TestSmtpServer Smtp { get; private set; } = null!;

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Database = await TestDatabase.CreateAsync(settings: Smtp.Settings());
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
