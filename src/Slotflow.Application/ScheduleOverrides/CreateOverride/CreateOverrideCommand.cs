using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides.CreateOverride;

/// <summary>POST /v1/humans/{id}/overrides, read at the edge: no window means all day; no end date, one day.</summary>
public sealed record CreateOverrideCommand(
    Guid OrganizationId,
    Guid HumanId,
    OverrideType Type,
    string? Title,
    DateOnly StartDate,
    DateOnly? EndDate,
    (ClockTime Start, ClockTime End)? Window,
    RecurrenceRule? Recurrence) : ICommand<OverrideDto>;

public sealed class CreateOverrideCommandHandler(IHumanRepository humans, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateOverrideCommand, OverrideDto>
{
    public async ValueTask<OverrideDto> Handle(CreateOverrideCommand command, CancellationToken cancellationToken)
    {
        // In a transaction that returns the answer, so that an Idempotency-Key's stored answer commits with the override.
        return await unitOfWork.InTransactionAsync(
            async () =>
            {
                var human = await humans.FindActiveAsync(command.OrganizationId, command.HumanId, cancellationToken)
                    ?? throw DomainException.NotFound("Human");
                // Counted after the human was read, so an add or delete committed in between conflicts on its token.
                var count = await humans.CountOverridesAsync(human.Id, cancellationToken);
                var added = human.AddOverride(
                    count, command.Type, command.Title, command.StartDate, command.EndDate, command.Window, command.Recurrence, clock.GetUtcNow());
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return added.ToDto();
            },
            cancellationToken);
    }
}
