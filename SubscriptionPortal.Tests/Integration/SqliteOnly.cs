using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>
/// What only SQLite does (its page cache, its WAL and checkpoints). ./test.sh leaves these tests out of the PostgreSQL
/// run by their trait; anyone running them on PostgreSQL gets a failure saying so, never a pass that tested nothing.
/// </summary>
internal static class SqliteOnly
{
    /// <summary>The value of the <c>Category</c> trait that marks them.</summary>
    public const string Category = "SqliteOnly";

    public static void Require()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                "This test is about SQLite: run it without PORTAL_TEST_PROVIDER=Postgres, as ./test.sh's SQLite run does "
                + "(its PostgreSQL run filters it out with Category!=SqliteOnly).");
        }
    }
}
