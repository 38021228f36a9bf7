using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// Makes the one query tagged <see cref="Tag"/> (a booking's read of its human) lock the human's row until the
/// transaction ends, which EF Core cannot say in LINQ: bookings of one human then queue on that row and each decides
/// on what the one before it committed, instead of all deciding at once and all but one conflicting. PostgreSQL gets
/// FOR UPDATE on the outer query's humans source, SQL Server an UPDLOCK hint; SQLite's single writer already queues.
/// </summary>
internal sealed partial class HumanRowLock : DbCommandInterceptor
{
    public const string Tag = "lock: the human's row";

    public static readonly HumanRowLock Postgres = new(isSqlServer: false);

    public static readonly HumanRowLock SqlServer = new(isSqlServer: true);

    private readonly bool _isSqlServer;

    private HumanRowLock(bool isSqlServer) => _isSqlServer = isSqlServer;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Lock(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Lock(command);
        return ValueTask.FromResult(result);
    }

    private void Lock(DbCommand command)
    {
        if (!command.CommandText.StartsWith("-- " + Tag, StringComparison.Ordinal))
        {
            return;
        }

        command.CommandText = _isSqlServer ? SqlServerLock(command.CommandText) : PostgresLock(command.CommandText);
    }

    // The outer query reads the human either straight from humans or from a LIMIT 1 subquery over it (when EF joins a
    // collection); FOR UPDATE OF that source locks the humans row only, never the joined rows.
    private static string PostgresLock(string sql)
    {
        var source = OuterHumansSource().Match(sql);
        if (!source.Success)
        {
            throw new InvalidOperationException("The human's query no longer has the shape HumanRowLock locks; update it with the query.");
        }

        return $"{sql}\nFOR UPDATE OF {source.Groups["alias"].Value}";
    }

    // Every read of humans in the statement is of the one human (its row, and its version in subqueries): each takes the
    // update lock, so whichever SQL Server reads first waits, and what follows the wait is read after it.
    private static string SqlServerLock(string sql)
    {
        var locked = SqlServerHumans().Replace(sql, "FROM [humans] AS [${alias}] WITH (UPDLOCK, ROWLOCK)");
        return locked == sql
            ? throw new InvalidOperationException("The human's query no longer has the shape HumanRowLock locks; update it with the query.")
            : locked;
    }

    [GeneratedRegex(@"^(?:FROM humans AS (?<alias>\w+)|\) AS (?<alias>\w+))$", RegexOptions.Multiline)]
    private static partial Regex OuterHumansSource();

    [GeneratedRegex(@"FROM \[humans\] AS \[(?<alias>\w+)\]")]
    private static partial Regex SqlServerHumans();
}
