using Mediator;
using Slotflow.Application.Common;
using Slotflow.Application.Humans;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides.DeleteOverride;

public sealed record DeleteOverrideCommand(Guid OrganizationId, Guid HumanId, Guid OverrideId) : ICommand<DeletedDto>;

public sealed class DeleteOverrideCommandHandler(IHumanRepository humans, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteOverrideCommand, DeletedDto>
{
    public async ValueTask<DeletedDto> Handle(DeleteOverrideCommand command, CancellationToken cancellationToken)
    {
        var human = await humans.FindActiveWithOverridesAsync(command.OrganizationId, command.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        human.RemoveOverride(command.OverrideId);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new DeletedDto(true, command.OverrideId);
    }
}
