using Microsoft.Extensions.Options;

namespace SubscriptionPortal.Emails;

/// <summary>
/// Runs the sender at start, every <see cref="EmailOptions.IntervalMinutes"/> (for retries and other
/// instances' messages), and as soon as a transaction of this instance that queued an email commits.
/// </summary>
internal sealed class EmailSenderHostedService(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<EmailSenderHostedService> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private Task<bool>? tick;
    private Task? wake;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);

    protected override string Name => "Email sender";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EmailSender>().SendDueAsync(ct);

    protected override async ValueTask<bool> WaitForNextRunAsync(PeriodicTimer timer, CancellationToken ct)
    {
        // A timer allows one pending wait, and a pending wait on the signal would swallow the next wake: whichever
        // of the two did not finish is kept for the next round.
        tick ??= timer.WaitForNextTickAsync(ct).AsTask();
        wake ??= signal.WaitAsync(ct);
        var first = await Task.WhenAny(tick, wake);
        if (first == tick)
        {
            var more = await tick;
            tick = null;
            return more;
        }

        wake = null;
        await first;
        return true;
    }
}
