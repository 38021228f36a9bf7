using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Common;
using Slotflow.Domain.Webhooks;
using Slotflow.Infrastructure.Persistence;
using static Slotflow.Infrastructure.Persistence.Configurations.WebhookDeliveryConfiguration;

namespace Slotflow.Infrastructure.Webhooks;

/// <summary>A delivery this worker holds, with what it needs to send it.</summary>
internal sealed record ClaimedDelivery(Guid Id, Guid ClaimToken, string Event, string Payload, string Url, string SigningSecret);

/// <summary>
/// The worker's side of the outbox table. A claim is one conditional UPDATE (pending, due, and not under a claim whose
/// lease is still running), so two workers on one database never both win a row, and a manual retry of a row in
/// flight cannot hand it to a second worker. A worker that dies mid-attempt loses its claims when their lease ends.
/// </summary>
internal sealed class WebhookOutbox(SlotflowDbContext db)
{
    /// <summary>Every conflict on recording an attempt is a manual retry that committed; this is a backstop.</summary>
    private const int MaxRecordRounds = 50;

    private IUnitOfWork UnitOfWork => db;

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due deliveries, oldest due first, leaving each webhook at most
    /// <paramref name="perWebhook"/> claims whose lease runs (its claims in flight anywhere count), so that a slow
    /// receiver's queue cannot fill the batch while other webhooks wait.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int batchSize, int perWebhook, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        return await UnitOfWork.InTransactionAsync(async () =>
        {
            var candidates = await Due(now)
                .Select(d => new
                {
                    d.Id,
                    d.WebhookId,
                    d.NextAttemptAt,
                    InFlight = db.WebhookDeliveries.Count(o =>
                        o.WebhookId == d.WebhookId && EF.Property<DateTimeOffset?>(o, ClaimedUntil) >= now),
                })
                .Where(d => d.InFlight < perWebhook)
                .OrderBy(d => d.NextAttemptAt)
                .Take(batchSize * perWebhook)
                .ToListAsync(cancellationToken);
            var due = new List<Guid>(batchSize);
            var taken = new Dictionary<Guid, int>();
            foreach (var candidate in candidates.TakeWhile(_ => due.Count < batchSize))
            {
                var share = taken.GetValueOrDefault(candidate.WebhookId, candidate.InFlight);
                if (share < perWebhook)
                {
                    due.Add(candidate.Id);
                    taken[candidate.WebhookId] = share + 1;
                }
            }

            if (due.Count == 0)
            {
                return (IReadOnlyList<ClaimedDelivery>)[];
            }

            // The due condition is repeated so that a row another worker claimed since the SELECT is not taken again.
            await Due(now).Where(d => due.Contains(d.Id)).ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => EF.Property<Guid?>(d, ClaimToken), token)
                    .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimedUntil), now + lease),
                cancellationToken);

            return await (
                from delivery in db.WebhookDeliveries.AsNoTracking()
                where EF.Property<Guid?>(delivery, ClaimToken) == token
                join webhook in db.Webhooks on delivery.WebhookId equals webhook.Id
                select new ClaimedDelivery(delivery.Id, token, delivery.Event, delivery.Payload, webhook.Url, webhook.SigningSecret))
                .ToListAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Saves the attempt's outcome and ends the claim; false if the claim was lost (lease over, or the webhook deleted).</summary>
    public async Task<bool> RecordAsync(
        ClaimedDelivery claimed, DateTimeOffset attemptedAt, int? statusCode, string? error, TimeSpan duration, WebhookRetrySchedule schedule,
        CancellationToken cancellationToken)
    {
        // A manual retry of the same row meanwhile bumps its token: read again and record on top of it. Every conflict
        // is a retry request that committed, so the rounds are bounded by the requests racing; giving up sooner would
        // leave the attempt unrecorded and the row held until its lease ends.
        for (var round = 1; ; round++)
        {
            var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(
                d => d.Id == claimed.Id && EF.Property<Guid?>(d, ClaimToken) == claimed.ClaimToken, cancellationToken);
            if (delivery is null)
            {
                return false;
            }

            // A manual retry that came while this attempt was in flight is answered by this attempt.
            delivery.RecordAttempt(attemptedAt, statusCode, error, duration, schedule);
            db.Entry(delivery).Property(ClaimToken).CurrentValue = null;
            db.Entry(delivery).Property(ClaimedUntil).CurrentValue = null;
            try
            {
                await UnitOfWork.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException) when (round < MaxRecordRounds)
            {
                UnitOfWork.DiscardChanges();
            }
        }
    }

    /// <summary>Gives an unattempted claim back (the service is stopping): the row is due again for any worker at once.</summary>
    public async Task ReleaseAsync(ClaimedDelivery claimed, CancellationToken cancellationToken) =>
        await UnitOfWork.InTransactionAsync(
            async () => await db.WebhookDeliveries
                .Where(d => d.Id == claimed.Id && EF.Property<Guid?>(d, ClaimToken) == claimed.ClaimToken)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(d => EF.Property<Guid?>(d, ClaimToken), (Guid?)null)
                        .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimedUntil), (DateTimeOffset?)null),
                    cancellationToken),
            cancellationToken);

    private IQueryable<WebhookDelivery> Due(DateTimeOffset now) =>
        db.WebhookDeliveries.Where(d =>
            d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
            && (EF.Property<DateTimeOffset?>(d, ClaimedUntil) == null || EF.Property<DateTimeOffset?>(d, ClaimedUntil) < now));
}
