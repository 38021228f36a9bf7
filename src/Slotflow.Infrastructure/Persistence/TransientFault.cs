using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal;
using Npgsql;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// Faults that say nothing about the request and pass if it runs again: PostgreSQL's serialization failures,
/// deadlocks and dropped connections (Npgsql's own judgement), and SQL Server's transient errors (EF Core's list).
/// </summary>
internal static class TransientFault
{
    /// <summary>
    /// A row referenced by the write was deleted meanwhile (e.g. a webhook deleted while a booking enqueued a delivery
    /// to it): like a lost race, the command is decided again from fresh reads.
    /// </summary>
    public static bool IsForeignKeyViolation(Exception exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        SqlException sql => sql.Number == 547,
        _ => false,
    };

    /// <summary>
    /// A row with the same unique key was committed meanwhile (e.g. two requests registering one webhook URL, each
    /// having checked that it was free): like a lost race, decided again from fresh reads, which now see the row.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        SqlException sql => sql.Number is 2627 or 2601,
        _ => false,
    };

    public static bool IsTransient(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
#pragma warning disable EF1001 // The provider's own list of transient error numbers, rather than a copy of it.
                case SqlException sql when SqlServerTransientExceptionDetector.ShouldRetryOn(sql):
#pragma warning restore EF1001
                    return true;
            }
        }

        return false;
    }
}
