using Mediator;
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

/// <summary>Books the one human (<see cref="OneHumanBooking"/>); a refused interval is explained with its alternatives (§11.3).</summary>
public sealed class CreateBookingCommandHandler(
    IHumanRepository humans,
    IBookingRepository bookings,
    IBookingQuota quota,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateBookingCommand, BookingDto>
{
    private readonly OneHumanBooking _booking = new(humans, bookings, quota, unitOfWork, clock);

    public async ValueTask<BookingDto> Handle(CreateBookingCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await _booking.DecideAsync(
                command.OrganizationId, command.HumanId, command.StartsAt, command.Duration,
                new BookingAttendee(command.AttendeeName, command.AttendeeEmail, command.Metadata), booking => booking, cancellationToken);
        }
        catch (DomainException refusal) when (IntervalRefusedException.IsIntervalRefusal(refusal.Code))
        {
            throw await RefusalAlternatives.ExplainAsync(
                humans, clock.GetUtcNow(), command.OrganizationId, command.HumanId, command.StartsAt, command.Duration, refusal, cancellationToken);
        }
    }
}
