namespace SubscriptionPortal.Tests.Integration;

/// <summary>A demo-seeded database shared by the tests of one class that only read it.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
