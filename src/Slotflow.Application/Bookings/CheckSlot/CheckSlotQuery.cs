using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings.CheckSlot;

/// <summary>POST /v1/bookings/check: the decision a booking of this interval would get now, without writing anything.</summary>
public sealed record CheckSlotQuery(Guid OrganizationId, Guid HumanId, DateTimeOffset StartsAt, int Duration) : IQuery<SlotCheckDto>;

/// <summary>Bookable when there is no refusal; otherwise the refusal the booking would get, as the booking would get it.</summary>
public sealed record SlotCheckDto(DomainException? Refusal);

/// <summary>
/// Reads the human's schedule as a slot query does (no lock) and asks the aggregate for the booking's refusal. The
/// answer is as of the read: a booking racing it may still take the interval first (then the booking is a 409).
/// </summary>
public sealed class CheckSlotQueryHandler(IHumanRepository humans, TimeProvider clock) : IQueryHandler<CheckSlotQuery, SlotCheckDto>
{
    public async ValueTask<SlotCheckDto> Handle(CheckSlotQuery query, CancellationToken cancellationToken)
    {
        var interval = new TimeRange(query.StartsAt, query.StartsAt.AddMinutes(query.Duration));
        var now = clock.GetUtcNow();
        var schedule = await humans.ReadScheduleAsync(query.OrganizationId, query.HumanId, ScheduleSpan.ForInterval(interval), now, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        if (schedule.Calendar.Human.RefusalOf(schedule.Calendar.Overrides, schedule.Taken, query.StartsAt, query.Duration, now) is not { } code)
        {
            return new SlotCheckDto(null);
        }

        return new SlotCheckDto(await RefusalAlternatives.ExplainAsync(
            humans, now, query.OrganizationId, query.HumanId, query.StartsAt, query.Duration, new DomainException(code, RefusalMessages.For(code)), cancellationToken));
    }
}

/// <summary>POST /v1/bookings/check with human_ids: would a pooled booking of this interval book someone now.</summary>
public sealed record CheckPooledSlotQuery(Guid OrganizationId, IReadOnlyList<Guid> HumanIds, DateTimeOffset StartsAt, int Duration) : IQuery<SlotCheckDto>;

/// <summary>
/// Bookable when any human of the pool is; otherwise the refusal the pooled booking would get (the first human's),
/// with the pool's alternatives. Every human unknown or inactive is a 404, as for the booking.
/// </summary>
public sealed class CheckPooledSlotQueryHandler(IHumanRepository humans, TimeProvider clock) : IQueryHandler<CheckPooledSlotQuery, SlotCheckDto>
{
    public async ValueTask<SlotCheckDto> Handle(CheckPooledSlotQuery query, CancellationToken cancellationToken)
    {
        var span = ScheduleSpan.ForInterval(new TimeRange(query.StartsAt, query.StartsAt.AddMinutes(query.Duration)));
        var now = clock.GetUtcNow();
        var schedules = await humans.ReadSchedulesAsync(query.OrganizationId, query.HumanIds, span, now, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        var codes = schedules.ConvertAll(s => s.Calendar.Human.RefusalOf(s.Calendar.Overrides, s.Taken, query.StartsAt, query.Duration, now));
        if (codes.Contains(null))
        {
            return new SlotCheckDto(null);
        }

        var first = codes[0].GetValueOrDefault();
        return new SlotCheckDto(await RefusalAlternatives.ExplainPoolAsync(
            humans, now, query.OrganizationId, query.HumanIds, query.StartsAt, query.Duration,
            new DomainException(first, RefusalMessages.For(first)), null, cancellationToken, schedules));
    }
}
