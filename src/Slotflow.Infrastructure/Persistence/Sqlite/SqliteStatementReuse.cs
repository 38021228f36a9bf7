using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Slotflow.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Gives EF Core, for each query it runs on a <see cref="StatementCachingSqliteConnection"/>, that connection's kept
/// command for the query's text instead of the new one. Only queries: a save's text changes with what it saves.
/// </summary>
internal sealed class SqliteStatementReuse : DbCommandInterceptor
{
    public static readonly SqliteStatementReuse Instance = new();

    private SqliteStatementReuse()
    {
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
        eventData.CommandSource == CommandSource.LinqQuery && result is SqliteCommand { Connection: StatementCachingSqliteConnection connection } fresh
            ? connection.Reuse(fresh)
            : result;
}
