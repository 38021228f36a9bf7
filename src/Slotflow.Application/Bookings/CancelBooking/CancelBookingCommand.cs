using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Bookings.CancelBooking;

/// <summary>DELETE /v1/bookings/{id}: frees the interval at once; cancelling again answers the same and raises nothing.</summary>
public sealed record CancelBookingCommand(Guid OrganizationId, Guid BookingId) : ICommand<CancelledBookingDto>;

public sealed class CancelBookingCommandHandler(IBookingRepository bookings, IHumanRepository humans, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CancelBookingCommand, CancelledBookingDto>
{
    public async ValueTask<CancelledBookingDto> Handle(CancelBookingCommand command, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(command.OrganizationId, command.BookingId, cancellationToken)
            ?? throw DomainException.NotFound("Booking");
        if (booking.Cancel(clock.GetUtcNow()))
        {
            // Like every booking change, a cancellation bumps the human's token, so two racing cancellations of
            // one booking cannot both save (and publish BookingCancelled twice).
            var human = await humans.FindAsync(command.OrganizationId, booking.HumanId, cancellationToken);
            human?.NoteBookingChange();
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new CancelledBookingDto(booking.Id, "cancelled");
    }
}
