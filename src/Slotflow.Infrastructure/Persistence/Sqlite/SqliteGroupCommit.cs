using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Slotflow.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite's write transactions, several to one commit. SQLite has one writer, and each commit waits for the disk
/// (fsync); taken one request at a time, that wait and the hand-over of the write lock between threads were most of
/// a booking's time. Here units of work queue, and one loop runs all that are waiting one after another on one
/// connection in one transaction, each inside its own savepoint, so a unit that fails is rolled back alone. A unit's
/// caller hears of its success only after the commit, so nothing is answered before it is durable; if the commit
/// fails, every unit of the batch fails and none of their writes is kept.
/// </summary>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>Bounds the time the first unit of a batch waits for the others to run.</summary>
    public const int MaxBatchSize = 64;

    private const string Savepoint = "unit";

    private readonly IDbContextFactory<SqliteSlotflowDbContext> _contexts;
    private readonly SqliteConnectionPool _connections;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteGroupCommit(IDbContextFactory<SqliteSlotflowDbContext> contexts, SqliteConnectionPool connections)
    {
        _contexts = contexts;
        _connections = connections;
        _loop = Task.Run(WriteAsync);
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="context"/> in the next batch; returns once the batch is committed.</summary>
    public async Task<T> RunAsync<T>(SqliteSlotflowDbContext context, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var ownConnection = context.LeasedConnection ?? throw new InvalidOperationException("The context has no connection of its own to come back to; lease it from the service provider.");
        var unit = new Unit(context, ownConnection, async () => await work(), cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(unit), this);

        return (T)(await unit.Done.Task)!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Unit>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }

            try
            {
                await CommitAsync(batch);
            }
            catch (Exception fault)
            {
                // Units that failed on their own keep their own error; the rest hear why the batch failed.
                foreach (var unit in batch)
                {
                    unit.Done.TrySetException(fault);
                }
            }

            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Unit> batch)
    {
        await using var writer = await _contexts.CreateDbContextAsync();
        writer.LeaseConnection(_connections);
        using var gate = await SqliteWriteGate.EnterAsync(writer.Database.GetConnectionString()!, CancellationToken.None);
        await using var transaction = await writer.Database.BeginTransactionAsync();
        var succeeded = new List<Unit>(batch.Count);
        foreach (var unit in batch)
        {
            if (await unit.RunAsync(writer.Database.GetDbConnection(), transaction))
            {
                succeeded.Add(unit);
            }
        }

        await transaction.CommitAsync();
        foreach (var unit in succeeded)
        {
            unit.Succeed();
        }
    }

    private sealed class Unit(SlotflowDbContext context, DbConnection ownConnection, Func<Task<object?>> work, CancellationToken cancellationToken)
    {
        // The caller's flow (log scopes, activity), which the loop's own flow is not.
        private readonly ExecutionContext? _flow = ExecutionContext.Capture();
        private object? _result;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Succeed() => Done.TrySetResult(_result);

        /// <summary>True if the work ran to the end; otherwise its writes are undone and its caller has the error.</summary>
        public async Task<bool> RunAsync(DbConnection connection, IDbContextTransaction transaction)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Done.TrySetCanceled(cancellationToken);
                return false;
            }

            await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
            Exception? failure = null;
            // The context works on the batch's connection for the length of the unit.
            context.Database.SetDbConnection(connection, contextOwnsConnection: false);
            try
            {
                await context.Database.UseTransactionAsync(transaction.GetDbTransaction(), CancellationToken.None);
                // The unit's savepoint already undoes a failed save; EF Core's own one around each save would be two
                // more statements on the one writer.
                context.Database.AutoSavepointsEnabled = false;
                _result = await StartInCallersFlow();
            }
            catch (Exception fault)
            {
                failure = fault;
            }
            finally
            {
                // Back to its own connection whatever happened, and before the caller hears anything (the caller goes
                // on with the context at once): the batch's connection returns to the pool after the batch. Setting
                // the connection also lets go of the batch's transaction, which is not the context's to end.
                context.Database.AutoSavepointsEnabled = true;
                context.Database.SetDbConnection(ownConnection, contextOwnsConnection: false);
            }

            if (failure is null)
            {
                await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                return true;
            }

            await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
            Done.TrySetException(failure);
            return false;
        }

        private Task<object?> StartInCallersFlow()
        {
            if (_flow is null)
            {
                return work();
            }

            Task<object?>? started = null;
            ExecutionContext.Run(_flow, _ => started = work(), null);
            return started!;
        }
    }
}
