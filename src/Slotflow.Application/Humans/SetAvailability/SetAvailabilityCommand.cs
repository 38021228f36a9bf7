using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Humans.SetAvailability;

/// <summary>
/// Replaces a human's availability rules wholesale (PUT /v1/humans/{id}/availability). The classic fields may be null
/// only when <see cref="Rules"/> gives weekly hours.
/// </summary>
public sealed record SetAvailabilityCommand(
    Guid OrganizationId,
    Guid HumanId,
    IReadOnlyList<int>? WorkingDays,
    ClockTime? WorkStart,
    ClockTime? WorkEnd,
    IReadOnlyList<int> MeetingDurations,
    SchedulingRules Rules) : ICommand<HumanDetailsDto>;

public sealed class SetAvailabilityCommandHandler(IHumanRepository humans, IUnitOfWork unitOfWork)
    : ICommandHandler<SetAvailabilityCommand, HumanDetailsDto>
{
    public async ValueTask<HumanDetailsDto> Handle(SetAvailabilityCommand command, CancellationToken cancellationToken)
    {
        var workingHours = WorkingHours.Create(command.WorkingDays, command.WorkStart, command.WorkEnd, command.MeetingDurations, command.Rules);

        var human = await humans.FindActiveAsync(command.OrganizationId, command.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        human.SetWorkingHours(workingHours);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return human.ToDetailsDto();
    }
}
