using Mediator;
using Slotflow.Application.Bookings;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Holds.PlaceHold;

/// <summary>POST /v1/holds, as the edge has read and checked it; <paramref name="Metadata"/> is a JSON object's text.</summary>
public sealed record PlaceHoldCommand(
    Guid OrganizationId, Guid HumanId, DateTimeOffset StartsAt, int Duration, int TtlSeconds, string? Metadata)
    : ICommand<HoldDto>;

/// <summary>
/// Decides a hold as a booking is decided (the human locked, its bookings and unexpired holds around the interval),
/// then counts the human's unexpired holds under that lock for the cap, and saves the hold with the human's token bump.
/// A refused interval carries the alternatives (spec §11.3).
/// </summary>
public sealed class PlaceHoldCommandHandler(IHumanRepository humans, IHoldRepository holds, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<PlaceHoldCommand, HoldDto>
{
    public async ValueTask<HoldDto> Handle(PlaceHoldCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await unitOfWork.DecideAtMostTwiceAsync(
                async () =>
                {
                    var now = clock.GetUtcNow();
                    var interval = new TimeRange(command.StartsAt, command.StartsAt.AddMinutes(command.Duration));
                    var schedule = await humans.LockScheduleAsync(command.OrganizationId, command.HumanId, ScheduleSpan.ForInterval(interval), now, cancellationToken)
                        ?? throw DomainException.NotFound("Human");
                    var active = await holds.CountActiveAsync(command.HumanId, now, cancellationToken);
                    var hold = schedule.Calendar.Human.PlaceHold(
                        schedule.Calendar.Overrides, schedule.Taken, command.StartsAt, command.Duration, command.TtlSeconds, command.Metadata, active, now);
                    holds.Add(hold);
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    return HoldDto.From(hold, now);
                },
                cancellationToken);
        }
        catch (DomainException refusal) when (IntervalRefusedException.IsIntervalRefusal(refusal.Code))
        {
            throw await RefusalAlternatives.ExplainAsync(
                humans, clock.GetUtcNow(), command.OrganizationId, command.HumanId, command.StartsAt, command.Duration, refusal, cancellationToken);
        }
    }
}
