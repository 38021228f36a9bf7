using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Slots.GetSlots;

/// <summary>GET /v1/humans/{id}/slots, read at the edge: the human's local dates from and to (inclusive), minutes.</summary>
public sealed record GetSlotsQuery(Guid OrganizationId, Guid HumanId, DateOnly DateFrom, DateOnly DateTo, int Duration) : IQuery<SlotsDto>;

/// <summary>
/// Lists the slots, then looks for the first bookable start after date_to (spec §11.5): in the week after it from the
/// same read (which reads that week too), and only when that week has none, from one more read up to
/// <see cref="NextAvailableReachDays"/> days on. An empty list says which rule removed the most candidates.
/// </summary>
public sealed class GetSlotsQueryHandler(IHumanRepository humans, TimeProvider clock) : IQueryHandler<GetSlotsQuery, SlotsDto>
{
    /// <summary>How far after date_to next_available_at is searched.</summary>
    public const int NextAvailableReachDays = 92;

    /// <summary>The days after date_to read with the slots' own dates, where next_available_at is looked for first.</summary>
    public const int NearReachDays = 7;

    public async ValueTask<SlotsDto> Handle(GetSlotsQuery query, CancellationToken cancellationToken)
    {
        var (from, to, duration) = (query.DateFrom, query.DateTo, query.Duration);
        var (near, last) = (Clamp(to, NearReachDays), Clamp(to, NextAvailableReachDays));
        var now = clock.GetUtcNow();
        var schedule = await humans.ReadScheduleAsync(query.OrganizationId, query.HumanId, ScheduleSpan.ForDates(from, near), now, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        var human = schedule.Calendar.Human;
        var availability = Availability.For(schedule.Calendar, schedule.Taken);
        var slots = availability.ListSlots(from, to, duration, now)
            .ConvertAll(slot => new SlotDto(slot.Start, slot.End));

        var next = availability.FirstStartBetween(to, near, duration, now);
        if (next is null && near < last
            && await humans.ReadScheduleAsync(query.OrganizationId, query.HumanId, ScheduleSpan.ForDates(near.AddDays(1), last), now, cancellationToken) is { } later)
        {
            next = Availability.For(later.Calendar, later.Taken).FirstStartBetween(near, last, duration, now);
        }

        var empty = slots.Count == 0 ? availability.WhyEmpty(from, to, duration, now) : null;
        return new SlotsDto(human.Id, duration, human.TimeZoneId, slots, slots.Count, next, empty is { } reason ? SlotsDto.Name(reason) : null);
    }

    /// <summary>The date that many days after <paramref name="date"/>, or the last date there is.</summary>
    private static DateOnly Clamp(DateOnly date, int days) =>
        date.DayNumber + days <= DateOnly.MaxValue.DayNumber - 3 ? date.AddDays(days) : DateOnly.MaxValue.AddDays(-3);
}
