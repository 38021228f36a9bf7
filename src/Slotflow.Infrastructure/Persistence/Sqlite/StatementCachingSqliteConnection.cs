using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Slotflow.Infrastructure.Persistence.Sqlite;

/// <summary>
/// A SQLite connection that keeps its queries prepared. EF Core makes a new command for every query it runs, and
/// SQLite parses and plans a new command's text again each time (dotnet/efcore#14044): under load that was an eighth of
/// the service's time. Kept open between requests by <see cref="SqliteConnectionPool"/>, the connection holds one
/// command per query text, which <see cref="SqliteStatementReuse"/> hands to EF Core in place of the new one.
/// </summary>
internal sealed class StatementCachingSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>Bounds the statements kept: queries are as many as the code has, but a bound costs nothing.</summary>
    public const int MaxStatements = 64;

    private readonly Dictionary<string, KeptCommand> _kept = new(StringComparer.Ordinal);

    public int KeptStatements => _kept.Count;

    /// <summary>
    /// The kept command for <paramref name="fresh"/>'s text, given fresh's parameters and transaction; or fresh itself
    /// when that command is still running (a query read while the same query is read again) or no more are kept.
    /// </summary>
    public DbCommand Reuse(SqliteCommand fresh)
    {
        if (!_kept.TryGetValue(fresh.CommandText, out var kept) || kept.Retired)
        {
            if (kept is null && _kept.Count >= MaxStatements)
            {
                return fresh;
            }

            kept = new KeptCommand(fresh.CommandText, this);
            _kept[fresh.CommandText] = kept;
        }

        if (kept.InUse)
        {
            return fresh;
        }

        kept.InUse = true;
        kept.Transaction = fresh.Transaction;
        kept.CommandTimeout = fresh.CommandTimeout;
        for (var i = 0; i < fresh.Parameters.Count; i++)
        {
            kept.Parameters.Add(fresh.Parameters[i]);
        }

        fresh.Parameters.Clear();
        fresh.Dispose();
        return kept;
    }

    public override void Open()
    {
        base.Open();
        Handle!.enable_sqlite3_next_stmt(true); // so that IsIdle can see every statement of the connection
    }

    /// <summary>Open, outside a transaction, with no statement running: safe to hand to the next request.</summary>
    public bool IsIdle()
    {
        if (State != ConnectionState.Open || Transaction is not null || raw.sqlite3_get_autocommit(Handle) == 0)
        {
            return false;
        }

        // A statement not reset (a reader left open) would hold its snapshot of the database, and the next request
        // would read the past.
        for (var statement = raw.sqlite3_next_stmt(Handle, null); statement is not null; statement = raw.sqlite3_next_stmt(Handle, statement))
        {
            if (raw.sqlite3_stmt_busy(statement) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Statements belong to the open connection: they are finalized before it closes.</summary>
    public override void Close()
    {
        try
        {
            foreach (var kept in _kept.Values)
            {
                kept.Retire();
            }
        }
        finally
        {
            _kept.Clear();
            base.Close(); // disposes whatever command is left, kept ones included (they are retired by now)
        }
    }

    private sealed class KeptCommand(string commandText, SqliteConnection connection) : SqliteCommand(commandText, connection)
    {
        private SqliteDataReader? _reader;

        /// <summary>Lent to EF Core for one query, until it disposes the command.</summary>
        public bool InUse { get; set; }

        public bool Retired { get; private set; }

        public override SqliteDataReader ExecuteReader(CommandBehavior behavior) => _reader = base.ExecuteReader(behavior);

        /// <summary>EF Core disposes each command after its query: kept, the command only becomes free again.</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing && !Retired && _reader is null or { IsClosed: true })
            {
                _reader = null;
                InUse = false;
                return;
            }

            Retired = true;
            base.Dispose(disposing);
        }

        public void Retire()
        {
            Retired = true;
            Dispose();
        }
    }
}
