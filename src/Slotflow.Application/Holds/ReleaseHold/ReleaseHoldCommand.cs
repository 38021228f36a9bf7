using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Holds.ReleaseHold;

/// <summary>DELETE /v1/holds/{id}: its time is free at once; releasing a released or expired hold answers the same.</summary>
public sealed record ReleaseHoldCommand(Guid OrganizationId, Guid HoldId) : ICommand<ReleasedHoldDto>;

/// <summary>
/// Releases with the human's token bump, so a release racing a confirm of the same hold conflicts and is decided
/// again: one of them finds the other's outcome (HOLD_EXPIRED for the confirm, HOLD_CONFIRMED for the release).
/// </summary>
public sealed class ReleaseHoldCommandHandler(IHoldRepository holds, IHumanRepository humans, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ReleaseHoldCommand, ReleasedHoldDto>
{
    public async ValueTask<ReleasedHoldDto> Handle(ReleaseHoldCommand command, CancellationToken cancellationToken)
    {
        var hold = await holds.FindAsync(command.OrganizationId, command.HoldId, cancellationToken) ?? throw DomainException.NotFound("Hold");
        var now = clock.GetUtcNow();
        var human = await humans.FindAsync(command.OrganizationId, hold.HumanId, cancellationToken) ?? throw DomainException.NotFound("Human");
        human.ReleaseHold(hold, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new ReleasedHoldDto(hold.Id, "released");
    }
}
