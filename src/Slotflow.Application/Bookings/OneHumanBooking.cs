using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings;

/// <summary>Who a booking is with and what it carries; <see cref="Metadata"/> is a JSON object's text.</summary>
public sealed record BookingAttendee(string Name, string? Email, string? Metadata);

/// <summary>
/// One human's booking, decided with the availability engine in the spec's order (404, 422s, 409, then the 402 quota)
/// and saved with the human's token bump and the usage count in one transaction: what POST /v1/bookings does for one
/// human, and for each human a pooled or first-available booking tries. Reading the human holds it until the
/// transaction ends, so bookings of one human queue there and each decides on what the one before it saved; a save
/// that still conflicts is decided once more, and a second conflict is refused as a taken slot (<see cref="BoundedRedecision"/>).
/// </summary>
public sealed class OneHumanBooking(IHumanRepository humans, IBookingRepository bookings, IBookingQuota quota, IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <param name="answer">What the transaction returns for the booking: the request's answer, so an idempotent answer commits with it.</param>
    public async Task<T> DecideAsync<T>(
        Guid organizationId, Guid humanId, DateTimeOffset startsAt, int duration, BookingAttendee attendee, Func<BookingDto, T> answer, CancellationToken cancellationToken)
    {
        var committing = new List<Guid>();
        try
        {
            return await DecideOnceAsync(organizationId, humanId, startsAt, duration, attendee, answer, committing, cancellationToken);
        }
        catch (DomainException)
        {
            // The transaction is rolled back; what it read stays tracked (a tracked read keeps its old values, the
            // human's version token among them), so the next try of a pooled or first-available booking reads afresh.
            unitOfWork.DiscardChanges();

            // A commit whose answer was lost may have landed before the unit was run again and refused by its own
            // booking: then that booking is the answer, and a pooled booking must not go on to book someone else.
            foreach (var id in committing)
            {
                if (await bookings.ReadAsync(organizationId, id, cancellationToken) is { Status: BookingStatus.Confirmed } landed)
                {
                    return answer(landed.ToDto());
                }
            }

            throw;
        }
    }

    private Task<T> DecideOnceAsync<T>(
        Guid organizationId, Guid humanId, DateTimeOffset startsAt, int duration, BookingAttendee attendee, Func<BookingDto, T> answer,
        List<Guid> committing, CancellationToken cancellationToken) =>
        unitOfWork.DecideAtMostTwiceAsync(
            async () =>
            {
                var now = clock.GetUtcNow();
                var interval = new TimeRange(startsAt, startsAt.AddMinutes(duration));
                var schedule = await humans.LockScheduleAsync(organizationId, humanId, ScheduleSpan.ForInterval(interval), now, cancellationToken)
                    ?? throw DomainException.NotFound("Human");
                var booking = schedule.Calendar.Human.Book(
                    schedule.Calendar.Overrides, schedule.Taken, startsAt, duration, attendee.Name, attendee.Email, attendee.Metadata, now);
                bookings.Add(booking);
                await unitOfWork.SaveChangesAsync(cancellationToken);

                // Counted last, so the usage row it takes is held only until the commit that follows; a refusal
                // (402) still rolls the booking back. A recount's rows and a pack's charge are saved after it.
                await quota.ConsumeAsync(organizationId, now, cancellationToken);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                committing.Add(booking.Id);
                return answer(booking.ToDto());
            },
            cancellationToken);

    /// <summary>
    /// Refusals that are about the one human and its time, after which a booking across several humans tries the next
    /// one: it is gone, the duration is not its own, or the interval is refused (§6's 404 and 422s, 409, §10's rules).
    /// The quota's 402 is the organization's, so it ends the whole request.
    /// </summary>
    public static bool RefusesOnlyThisHuman(ErrorCode code) =>
        code is ErrorCode.NotFound or ErrorCode.InvalidDuration || IntervalRefusedException.IsIntervalRefusal(code);
}
