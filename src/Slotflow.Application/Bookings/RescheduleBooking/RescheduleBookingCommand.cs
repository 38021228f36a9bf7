using Mediator;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings.RescheduleBooking;

/// <summary>POST /v1/bookings/{id}/reschedule: a new start and, optionally, a new duration (else the booking's own).</summary>
public sealed record RescheduleBookingCommand(Guid OrganizationId, Guid BookingId, DateTimeOffset StartsAt, int? Duration)
    : ICommand<BookingDto>;

/// <summary>
/// Moves a booking in one transaction (spec §11.2): the booking keeps its id and never has both intervals or neither.
/// The human is locked first and the booking read after, so a cancellation committed before the lock is seen here,
/// and one committed after it conflicts on the human's token. Nothing is counted toward the quota. A refusal of the
/// new interval carries the alternatives (spec §11.3), searched on the calendar without the booking.
/// </summary>
public sealed class RescheduleBookingCommandHandler(
    IHumanRepository humans, IBookingRepository bookings, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RescheduleBookingCommand, BookingDto>
{
    public async ValueTask<BookingDto> Handle(RescheduleBookingCommand command, CancellationToken cancellationToken)
    {
        var current = await bookings.ReadAsync(command.OrganizationId, command.BookingId, cancellationToken)
            ?? throw DomainException.NotFound("Booking");
        current.EnsureConfirmed();
        var duration = command.Duration ?? current.DurationMinutes;
        try
        {
            return await unitOfWork.DecideAtMostTwiceAsync(
                async () =>
                {
                    var now = clock.GetUtcNow();
                    var interval = new TimeRange(command.StartsAt, command.StartsAt.AddMinutes(duration));
                    var schedule = await humans.LockScheduleAsync(command.OrganizationId, current.HumanId, ScheduleSpan.ForInterval(interval), now, cancellationToken)
                        ?? throw DomainException.NotFound("Human");
                    var booking = await bookings.FindAsync(command.OrganizationId, command.BookingId, cancellationToken)
                        ?? throw DomainException.NotFound("Booking");
                    schedule.Calendar.Human.Reschedule(
                        booking, schedule.Calendar.Overrides, schedule.Taken, command.StartsAt, duration, now);
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    return booking.ToDto();
                },
                cancellationToken);
        }
        catch (DomainException refusal) when (IntervalRefusedException.IsIntervalRefusal(refusal.Code))
        {
            // The booking as it is now (a racing reschedule may have moved it): its own time is free for it.
            var own = (await bookings.ReadAsync(command.OrganizationId, command.BookingId, cancellationToken))?.Taken;
            throw await RefusalAlternatives.ExplainAsync(
                humans, clock.GetUtcNow(), command.OrganizationId, current.HumanId, command.StartsAt, duration, refusal, cancellationToken, own);
        }
    }
}
