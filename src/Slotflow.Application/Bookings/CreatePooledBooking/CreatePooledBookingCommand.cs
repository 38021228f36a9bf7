using Mediator;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings.CreatePooledBooking;

/// <summary>POST /v1/bookings with human_ids (spec §12): the same time with whichever of these humans is free, distinct ids as given.</summary>
public sealed record CreatePooledBookingCommand(
    Guid OrganizationId,
    IReadOnlyList<Guid> HumanIds,
    DateTimeOffset StartsAt,
    int Duration,
    string AttendeeName,
    string? AttendeeEmail,
    string? Metadata) : ICommand<BookingDto>;

/// <summary>
/// Books the first of the pool that is free, trying the humans with the fewest confirmed bookings in the week first
/// (each human's own local ISO week around the start; ties in the order given). Each try is a whole booking of its
/// own (<see cref="OneHumanBooking"/>): it commits or leaves nothing, and it holds only its own human, so pooled
/// bookings racing over the same humans in other orders never wait on each other in a circle. Every human unknown
/// or inactive is a 404 before anything is tried; when none is free, the first human's refusal answers, with the
/// pool's alternatives. The week's counts are read before any lock, so pooled bookings racing for one time all try
/// the least booked human first and queue there: each human still gets at most one, but fairness is as of the read.
/// </summary>
public sealed class CreatePooledBookingCommandHandler(
    IHumanRepository humans,
    IBookingRepository bookings,
    IBookingQuota quota,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreatePooledBookingCommand, BookingDto>
{
    private readonly OneHumanBooking _booking = new(humans, bookings, quota, unitOfWork, clock);

    public async ValueTask<BookingDto> Handle(CreatePooledBookingCommand command, CancellationToken cancellationToken)
    {
        var attendee = new BookingAttendee(command.AttendeeName, command.AttendeeEmail, command.Metadata);
        var refusals = new Dictionary<Guid, DomainException>();
        foreach (var humanId in await FairOrderAsync(command, cancellationToken))
        {
            try
            {
                return await _booking.DecideAsync(
                    command.OrganizationId, humanId, command.StartsAt, command.Duration, attendee, booking => booking, cancellationToken);
            }
            catch (DomainException refusal) when (OneHumanBooking.RefusesOnlyThisHuman(refusal.Code))
            {
                refusals[humanId] = refusal;
            }
        }

        // The first human's refusal answers; one deactivated since the pool was read has left it.
        var answering = command.HumanIds.Select(id => refusals[id]).FirstOrDefault(r => r.Code != ErrorCode.NotFound)
            ?? throw DomainException.NotFound("Human");
        throw await RefusalAlternatives.ExplainPoolAsync(
            humans, clock.GetUtcNow(), command.OrganizationId, command.HumanIds, command.StartsAt, command.Duration, answering, null, cancellationToken);
    }

    private async Task<List<Guid>> FairOrderAsync(CreatePooledBookingCommand command, CancellationToken cancellationToken)
    {
        var pool = (await humans.ReadActiveAsync(command.OrganizationId, command.HumanIds, cancellationToken)).ToDictionary(h => h.Id);
        if (command.HumanIds.Any(id => !pool.ContainsKey(id)))
        {
            throw DomainException.NotFound("Human");
        }

        var weeks = command.HumanIds.Select(id => new ZoneClock(IanaTimeZone.Find(pool[id].TimeZoneId)).IsoWeekOf(command.StartsAt)).ToList();
        var span = new TimeRange(weeks.Min(w => w.Start), weeks.Max(w => w.End));
        var starts = await bookings.ListConfirmedStartsAsync(command.HumanIds, span, cancellationToken);
        var counts = command.HumanIds
            .Select((id, i) => starts.Count(b => b.HumanId == id && b.StartsAt >= weeks[i].Start && b.StartsAt < weeks[i].End))
            .ToList();
        return SlotPool.FairOrder(command.HumanIds, counts);
    }
}
