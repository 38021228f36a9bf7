using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Humans;

/// <summary>What a booking decision reads: the human's calendar and the confirmed bookings it needs (see ScheduleSpan).</summary>
public sealed record HumanSchedule(HumanCalendar Calendar, IReadOnlyList<TakenTime> Taken);
