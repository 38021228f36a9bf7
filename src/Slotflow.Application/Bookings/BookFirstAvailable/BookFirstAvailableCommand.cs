using Mediator;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings.BookFirstAvailable;

/// <summary>One (human, start) a first-available booking may take.</summary>
public sealed record BookingCandidate(Guid HumanId, DateTimeOffset StartsAt);

/// <summary>POST /v1/bookings/first-available (spec §12): the first of these candidates, in order, that is bookable.</summary>
public sealed record BookFirstAvailableCommand(
    Guid OrganizationId,
    IReadOnlyList<BookingCandidate> Candidates,
    int Duration,
    string AttendeeName,
    string? AttendeeEmail,
    string? Metadata) : ICommand<FirstAvailableBookingDto>;

/// <summary>
/// Tries the candidates in the order given, each as a whole booking of its own (<see cref="OneHumanBooking"/>), and
/// answers the first that books with its index. A candidate's own refusal (its human unknown or inactive, the duration,
/// the time) moves on to the next; the quota's 402 ends the request. None bookable: 409 SLOT_UNAVAILABLE with every
/// candidate's code, and the nearest free slots of the candidates' humans around the first candidate's start.
/// </summary>
public sealed class BookFirstAvailableCommandHandler(
    IHumanRepository humans,
    IBookingRepository bookings,
    IBookingQuota quota,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<BookFirstAvailableCommand, FirstAvailableBookingDto>
{
    private readonly OneHumanBooking _booking = new(humans, bookings, quota, unitOfWork, clock);

    public async ValueTask<FirstAvailableBookingDto> Handle(BookFirstAvailableCommand command, CancellationToken cancellationToken)
    {
        var attendee = new BookingAttendee(command.AttendeeName, command.AttendeeEmail, command.Metadata);
        var refused = new List<CandidateRefusal>();
        for (var index = 0; index < command.Candidates.Count; index++)
        {
            var (humanId, startsAt) = command.Candidates[index];
            var candidateIndex = index;
            try
            {
                return await _booking.DecideAsync(
                    command.OrganizationId, humanId, startsAt, command.Duration, attendee,
                    booking => FirstAvailableBookingDto.From(booking, candidateIndex), cancellationToken);
            }
            catch (DomainException refusal) when (OneHumanBooking.RefusesOnlyThisHuman(refusal.Code))
            {
                refused.Add(new CandidateRefusal(humanId, startsAt, refusal.Code));
            }
        }

        const ErrorCode code = ErrorCode.SlotUnavailable;
        throw await RefusalAlternatives.ExplainPoolAsync(
            humans, clock.GetUtcNow(), command.OrganizationId, [.. command.Candidates.Select(c => c.HumanId).Distinct()],
            command.Candidates[0].StartsAt, command.Duration,
            new DomainException(code, "None of the candidates can be booked; candidates gives each one's reason."), refused, cancellationToken);
    }
}

/// <summary>The booking (spec §4's Booking) and which candidate it took, counted from 0.</summary>
public sealed record FirstAvailableBookingDto(
    Guid Id,
    Guid HumanId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int DurationMinutes,
    string AttendeeName,
    string? AttendeeEmail,
    string Status,
    System.Text.Json.JsonElement? Metadata,
    DateTimeOffset CreatedAt,
    int CandidateIndex)
{
    public static FirstAvailableBookingDto From(BookingDto booking, int candidateIndex) => new(
        booking.Id, booking.HumanId, booking.StartsAt, booking.EndsAt, booking.DurationMinutes, booking.AttendeeName,
        booking.AttendeeEmail, booking.Status, booking.Metadata, booking.CreatedAt, candidateIndex);
}
