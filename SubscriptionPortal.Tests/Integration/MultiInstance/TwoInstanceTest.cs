using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>
/// Two app instances, A and B, on one fresh PostgreSQL database and one clock set to <paramref name="now"/>,
/// each with its own services, connection pool and background work, as two machines behind a load balancer.
/// </summary>
public abstract class TwoInstanceTest : IAsyncLifetime
{
    private readonly DateTimeOffset now;

    protected TwoInstanceTest(ITestOutputHelper output, DateTimeOffset now)
    {
        PostgresOnly.Require();
        Output = output;
        this.now = now;
    }

    protected ITestOutputHelper Output { get; }

    protected TestDatabase A { get; private set; } = default!;

    protected TestDatabase B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        A = await TestDatabase.CreateAsync(now);
        B = await A.StartInstanceAsync("b");
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
