using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Common;
using Slotflow.Infrastructure.Idempotency;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests;

/// <summary>
/// IUnitOfWork.InTransactionAsync against the real database, many callers at once: on SQLite their units share
/// group commits, on PostgreSQL each has its own transaction. Either way a caller hears of success exactly when its
/// writes are kept.
/// </summary>
public sealed class UnitOfWorkTransactionTests
{
    private const int Units = 40;

    // No background writer (the webhook worker) takes part, so every transaction here is one of the test's.
    private static readonly Dictionary<string, string?> Settings = new() { ["Webhooks:WorkerEnabled"] = "false" };

    [Test]
    public async Task ConcurrentUnits_EachIsKeptExactlyWhenItsCallerHeardSuccess()
    {
        using var factory = new SlotflowApiFactory(settings: Settings);
        var organization = await factory.CreateOrganizationAsync();

        // Every third unit fails after it has written: only its own writes are undone.
        var outcomes = await RunUnitsAsync(factory, organization.Id, failsAfterWriting: i => i % 3 == 0);

        Assert.Multiple(async () =>
        {
            foreach (var (i, fault) in outcomes)
            {
                if (i % 3 == 0)
                {
                    Assert.That(fault, Is.InstanceOf<UnitFailed>(), $"unit {i} hears its own failure");
                }
                else
                {
                    Assert.That(fault, Is.Null, $"unit {i} succeeds");
                }
            }

            Assert.That(await KeptAsync(factory, organization.Id), Is.EquivalentTo(Succeeded(outcomes)));
        });
    }

    [Test]
    public async Task AFailedCommit_FailsEveryUnitItCarried_AndKeepsNoneOfThem()
    {
        var failFirstCommit = new FailFirstCommit();
        using var factory = new SlotflowApiFactory(settings: Settings, configureServices: s => s.AddSingleton<IInterceptor>(failFirstCommit));
        var organization = await factory.CreateOrganizationAsync();

        failFirstCommit.Arm();
        var outcomes = await RunUnitsAsync(factory, organization.Id, failsAfterWriting: _ => false);

        var failed = outcomes.Where(o => o.Fault is not null).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(failFirstCommit.Thrown, Is.EqualTo(1));
            Assert.That(failed, Is.Not.Empty, "the failed commit carried at least one unit");
            Assert.That(failed.Select(f => f.Fault), Is.All.InstanceOf<CommitFailed>(), "they hear why");
            Assert.That(await KeptAsync(factory, organization.Id), Is.EquivalentTo(Succeeded(outcomes)));
        });
    }

    [Test]
    public async Task TheWork_RunsInTheCallersFlow()
    {
        using var factory = new SlotflowApiFactory(settings: Settings);
        var callerValue = new AsyncLocal<string>();
        await using var scope = factory.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

        callerValue.Value = "set by the caller";
        var seen = await unitOfWork.InTransactionAsync(() => Task.FromResult(callerValue.Value), CancellationToken.None);

        Assert.That(seen, Is.EqualTo("set by the caller"));
    }

    [Test]
    public async Task ATransactionInsideATransaction_IsRefused()
    {
        using var factory = new SlotflowApiFactory(settings: Settings);
        await using var scope = factory.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

        // Refused at once: on SQLite the inner unit would otherwise wait for the batch that runs the outer one.
        var nested = unitOfWork.InTransactionAsync(
            () => unitOfWork.InTransactionAsync(() => Task.FromResult(1), CancellationToken.None), CancellationToken.None);

        Assert.ThrowsAsync<InvalidOperationException>(async () => await nested.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    /// <summary>Runs the units at once, each in its own scope, as concurrent requests would; each writes one record.</summary>
    private static async Task<List<(int Unit, Exception? Fault)>> RunUnitsAsync(SlotflowApiFactory factory, Guid organizationId, Func<int, bool> failsAfterWriting)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcomes = new ConcurrentBag<(int, Exception?)>();
        var units = Enumerable.Range(0, Units).Select(i => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await start.Task;
            try
            {
                await unitOfWork.InTransactionAsync(
                    async () =>
                    {
                        db.IdempotencyRecords.Add(Record(organizationId, i));
                        await unitOfWork.SaveChangesAsync(CancellationToken.None);
                        return failsAfterWriting(i) ? throw new UnitFailed(i) : i;
                    },
                    CancellationToken.None);
                outcomes.Add((i, null));
            }
            catch (Exception fault)
            {
                outcomes.Add((i, fault));
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(units);
        return [.. outcomes.OrderBy(o => o.Item1)];
    }

    private static IEnumerable<string> Succeeded(IEnumerable<(int Unit, Exception? Fault)> outcomes) =>
        outcomes.Where(o => o.Fault is null).Select(o => Key(o.Unit));

    private static Task<List<string>> KeptAsync(SlotflowApiFactory factory, Guid organizationId) =>
        factory.QueryAsync(db => db.IdempotencyRecords.Where(r => r.OrganizationId == organizationId).Select(r => r.Key).ToListAsync());

    private static IdempotencyRecord Record(Guid organizationId, int unit) => new()
    {
        OrganizationId = organizationId,
        Key = Key(unit),
        RequestHash = "test",
        CreatedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
    };

    private static string Key(int unit) => $"unit-{unit}";

    private sealed class UnitFailed(int unit) : Exception($"unit {unit} fails after writing");

    private sealed class CommitFailed() : Exception("the commit failed");

    /// <summary>Once armed, the next commit fails before it reaches the database, as a full disk would.</summary>
    private sealed class FailFirstCommit : DbTransactionInterceptor
    {
        private int _armed;
        private int _thrown;

        public int Thrown => _thrown;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref _thrown);
                throw new CommitFailed();
            }

            return ValueTask.FromResult(result);
        }
    }
}
