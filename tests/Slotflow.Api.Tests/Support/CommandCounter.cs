using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Slotflow.Api.Tests.Support;

/// <summary>
/// Records every SQL command the service sends through EF Core (queries, saves, raw statements), each one a database
/// round trip, and each transaction's commit, to count round trips per request.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    public const string Commit = "COMMIT";

    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>What this request sent: the webhook worker's outbox polls run beside every test and are not counted.</summary>
    public List<string> OfRequests() =>
        [.. Commands.Where(sql => !sql.Contains("FROM webhook_deliveries", StringComparison.Ordinal) && !sql.Contains("FROM [webhook_deliveries]", StringComparison.Ordinal))];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(Commit);
        return ValueTask.FromResult(result);
    }
}
