using Microsoft.Data.Sqlite;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// The busy timeout on a real SQLite connection, whatever database the run targets. What it changes (a
/// writer that meets another gets the lock within milliseconds of the commit, not at the next 150 ms retry)
/// is a matter of time, measured by the load test's server-side timings, not asserted here.
/// </summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public void Apply_GivesAnOpenSqliteConnectionSqlitesOwnBusyTimeout()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Assert.Equal(0L, BusyTimeout(connection));

        new SqliteBusyTimeout(TimeSpan.FromSeconds(2.5)).Apply(connection);

        Assert.Equal(2_500L, BusyTimeout(connection));
    }

    [Fact]
    public void Apply_WithATimeoutBeyondSqlitesRange_WaitsAsLongAsSqliteCan()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        new SqliteBusyTimeout(TimeSpan.FromDays(30)).Apply(connection);

        Assert.Equal(int.MaxValue, BusyTimeout(connection));
    }

    private static long BusyTimeout(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        return (long)command.ExecuteScalar()!;
    }
}
