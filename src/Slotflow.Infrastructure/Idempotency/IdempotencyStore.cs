using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Common;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Infrastructure.Idempotency;

/// <summary>
/// Spec §6.2: claims a key before the request runs (so concurrent repeats wait instead of running twice), keeps a
/// successful response for 24 hours, and forgets the claim of a request that failed, so it can be retried. The
/// answer of a command commits with the command's work (<see cref="PendingIdempotentAnswer"/>), so a claim whose
/// work committed is never forgotten.
/// </summary>
public sealed class IdempotencyStore(SlotflowDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A claim older than this is taken to belong to a process that died mid-request.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public async Task<IdempotencyOutcome> BeginAsync(Guid organizationId, string key, string requestHash, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var stale = now - AbandonedAfter;
            await Records(organizationId, key)
                .Where(r => r.ExpiresAt <= now || (r.ResponseStatus == null && r.CreatedAt <= stale))
                .ExecuteDeleteAsync(cancellationToken);

            var existing = await Records(organizationId, key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                if (await TryClaimAsync(organizationId, key, requestHash, now, cancellationToken))
                {
                    return IdempotencyOutcome.Claimed;
                }

                // Another request claimed the key between the read and the insert: read its claim next time round.
                await Task.Delay(PollInterval, cancellationToken);
                continue;
            }

            if (existing.RequestHash != requestHash)
            {
                return IdempotencyOutcome.Reused;
            }

            if (existing.ResponseStatus is { } status)
            {
                return IdempotencyOutcome.Replay(status, existing.ResponseBody ?? string.Empty);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<bool> TryClaimAsync(Guid organizationId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new IdempotencyRecord
        {
            OrganizationId = organizationId,
            Key = key,
            RequestHash = requestHash,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.IdempotencyRecords.Add(claim);
        try
        {
            await ((IUnitOfWork)db).SaveChangesAsync(cancellationToken);
            db.Entry(claim).State = EntityState.Detached;
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Only a lost race for the same key is expected here; any other failure propagates.
            db.Entry(claim).State = EntityState.Detached;
            if (await Records(organizationId, key).AnyAsync(cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>
    /// Records the answer after the request, for a POST whose answer did not commit with its work (see
    /// <see cref="PendingIdempotentAnswer"/>), or to replace it with the response as it was actually written.
    /// </summary>
    public Task CompleteAsync(Guid organizationId, string key, string requestHash, int status, string body, CancellationToken cancellationToken) =>
        RecordAnswerAsync(db, organizationId, key, requestHash, status, body, cancellationToken);

    /// <summary>
    /// One UPDATE of the claim, in whatever transaction <paramref name="db"/> is in. The request hash is matched too:
    /// should the claim have been taken for abandoned and the key claimed again meanwhile, an answer is only given to
    /// the same request.
    /// </summary>
    internal static Task RecordAnswerAsync(
        SlotflowDbContext db, Guid organizationId, string key, string requestHash, int status, string body, CancellationToken cancellationToken) =>
        db.IdempotencyRecords
            .Where(r => r.OrganizationId == organizationId && r.Key == key && r.RequestHash == requestHash)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ResponseStatus, status).SetProperty(r => r.ResponseBody, body), cancellationToken);

    public Task ReleaseAsync(Guid organizationId, string key, CancellationToken cancellationToken) =>
        Records(organizationId, key).Where(r => r.ResponseStatus == null).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<IdempotencyRecord> Records(Guid organizationId, string key) =>
        db.IdempotencyRecords.Where(r => r.OrganizationId == organizationId && r.Key == key);
}

public sealed record IdempotencyOutcome(IdempotencyOutcome.Kind Result, int Status = 0, string Body = "")
{
    public enum Kind
    {
        Claimed,
        Reused,
        Replay,
    }

    public static readonly IdempotencyOutcome Claimed = new(Kind.Claimed);
    public static readonly IdempotencyOutcome Reused = new(Kind.Reused);

    public static IdempotencyOutcome Replay(int status, string body) => new(Kind.Replay, status, body);
}
