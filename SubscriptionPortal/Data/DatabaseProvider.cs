namespace SubscriptionPortal.Data;

/// <summary>The value of <c>Database:Provider</c>.</summary>
internal enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one instance.</summary>
    Sqlite,

    /// <summary>One server shared by several instances behind a load balancer.</summary>
    Postgres,
}
