using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings.CreateBooking;

/// <summary>POST /v1/bookings, as the edge has read and checked it; <paramref name="Metadata"/> is a JSON object's text.</summary>
public sealed record CreateBookingCommand(
    Guid OrganizationId,
    Guid HumanId,
    DateTimeOffset StartsAt,
    int Duration,
    string AttendeeName,
    string? AttendeeEmail,
    string? Metadata) : ICommand<BookingDto>;

/// <summary>
/// Decides a booking with the availability engine, in the spec's order (404, 422s, 409, then the 402 quota), and
/// saves it, the human's token bump and the usage count in one transaction (the quota's 402 is decided last). Reading the human holds it until the
/// transaction ends, so bookings of one human queue there and each decides on what the one before it saved; a save
/// that still conflicts is decided once more, and a second conflict is answered as a taken slot with its alternatives
/// (<see cref="BoundedRedecision"/>).
/// </summary>
public sealed class CreateBookingCommandHandler(
    IHumanRepository humans,
    IBookingRepository bookings,
    IBookingQuota quota,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateBookingCommand, BookingDto>
{
    public async ValueTask<BookingDto> Handle(CreateBookingCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await DecideAsync(command, cancellationToken);
        }
        catch (DomainException refusal) when (IntervalRefusedException.IsIntervalRefusal(refusal.Code))
        {
            throw await RefusalAlternatives.ExplainAsync(
                humans, clock.GetUtcNow(), command.OrganizationId, command.HumanId, command.StartsAt, command.Duration, refusal, cancellationToken);
        }
    }

    private async Task<BookingDto> DecideAsync(CreateBookingCommand command, CancellationToken cancellationToken)
    {
        var (startsAt, duration) = (command.StartsAt, command.Duration);
        return await unitOfWork.DecideAtMostTwiceAsync(
            async () =>
            {
                var now = clock.GetUtcNow();
                var interval = new TimeRange(startsAt, startsAt.AddMinutes(duration));
                var schedule = await humans.LockScheduleAsync(command.OrganizationId, command.HumanId, ScheduleSpan.ForInterval(interval), now, cancellationToken)
                    ?? throw DomainException.NotFound("Human");
                var booking = schedule.Calendar.Human.Book(
                    schedule.Calendar.Overrides, schedule.Taken, startsAt, duration, command.AttendeeName, command.AttendeeEmail, command.Metadata, now);
                bookings.Add(booking);
                await unitOfWork.SaveChangesAsync(cancellationToken);

                // Counted last, so the usage row it takes is held only until the commit that follows; a refusal
                // (402) still rolls the booking back. A recount's rows and a pack's charge are saved after it.
                await quota.ConsumeAsync(command.OrganizationId, now, cancellationToken);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return booking.ToDto();
            },
            cancellationToken);
    }
}
