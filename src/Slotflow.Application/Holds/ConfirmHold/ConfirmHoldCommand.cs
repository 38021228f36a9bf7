using Mediator;
using Slotflow.Application.Bookings;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Holds.ConfirmHold;

/// <summary>POST /v1/holds/{id}/confirm; <paramref name="Metadata"/> (a JSON object's text) replaces the hold's when given.</summary>
public sealed record ConfirmHoldCommand(Guid OrganizationId, Guid HoldId, string AttendeeName, string? AttendeeEmail, string? Metadata)
    : ICommand<ConfirmedHoldDto>;

/// <summary>
/// Makes the booking of a hold in one transaction with the hold's change, the human's token bump and the quota (spec
/// §11.1): the human is locked first and the hold read after, so of racing confirms one books and the rest find the
/// hold confirmed and answer its booking. The daily and weekly limits and the quota (402) apply here; a refusal
/// leaves the hold held.
/// </summary>
public sealed class ConfirmHoldCommandHandler(
    IHumanRepository humans, IHoldRepository holds, IBookingRepository bookings, IBookingQuota quota, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ConfirmHoldCommand, ConfirmedHoldDto>
{
    public async ValueTask<ConfirmedHoldDto> Handle(ConfirmHoldCommand command, CancellationToken cancellationToken)
    {
        var seen = await holds.ReadAsync(command.OrganizationId, command.HoldId, cancellationToken) ?? throw DomainException.NotFound("Hold");
        if (seen.BookingId is { } made)
        {
            return await AlreadyConfirmedAsync(command.OrganizationId, made, cancellationToken);
        }

        try
        {
            return await unitOfWork.InTransactionAsync(
                async () =>
                {
                    var now = clock.GetUtcNow();
                    var schedule = await humans.LockScheduleAsync(command.OrganizationId, seen.HumanId, ScheduleSpan.ForInterval(seen.Interval), now, cancellationToken)
                        ?? throw DomainException.NotFound("Human");
                    var hold = await holds.FindAsync(command.OrganizationId, command.HoldId, cancellationToken) ?? throw DomainException.NotFound("Hold");
                    if (hold.BookingId is { } racedIn)
                    {
                        return await AlreadyConfirmedAsync(command.OrganizationId, racedIn, cancellationToken);
                    }

                    var booking = schedule.Calendar.Human.ConfirmHold(hold, schedule.Taken, command.AttendeeName, command.AttendeeEmail, command.Metadata, now);
                    bookings.Add(booking);
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    await quota.ConsumeAsync(command.OrganizationId, now, cancellationToken);
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    return new ConfirmedHoldDto(booking.ToDto(), Created: true);
                },
                cancellationToken);
        }
        catch (DomainException refusal) when (IntervalRefusedException.IsIntervalRefusal(refusal.Code))
        {
            throw await RefusalAlternatives.ExplainAsync(
                humans, clock.GetUtcNow(), command.OrganizationId, seen.HumanId, seen.StartsAt, seen.DurationMinutes, refusal, cancellationToken, seen.Taken);
        }
    }

    private async Task<ConfirmedHoldDto> AlreadyConfirmedAsync(Guid organizationId, Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await bookings.ReadAsync(organizationId, bookingId, cancellationToken) ?? throw DomainException.NotFound("Booking");
        return new ConfirmedHoldDto(booking.ToDto(), Created: false);
    }
}
