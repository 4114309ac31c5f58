using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>
/// Several instances share one database only on PostgreSQL. ./test.sh leaves these tests out of the
/// SQLite run by their trait; anyone running them without PostgreSQL gets a failure saying so, never
/// a pass that tested nothing.
/// </summary>
internal static class PostgresOnly
{
    /// <summary>The value of the <c>Category</c> trait that marks them.</summary>
    public const string Category = "MultiInstance";

    public static void Require()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "The two-instance tests run on PostgreSQL: set PORTAL_TEST_PROVIDER=Postgres and PORTAL_TEST_POSTGRES, or run ./test.sh, "
                + "which starts a local PostgreSQL and runs them there (its SQLite run filters them out with Category!=MultiInstance).");
        }
    }
}
