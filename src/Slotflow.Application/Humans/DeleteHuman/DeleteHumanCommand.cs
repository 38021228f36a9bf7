using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Humans.DeleteHuman;

public sealed record DeleteHumanCommand(Guid OrganizationId, Guid HumanId) : ICommand<DeletedDto>;

public sealed class DeleteHumanCommandHandler(IHumanRepository humans, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteHumanCommand, DeletedDto>
{
    public async ValueTask<DeletedDto> Handle(DeleteHumanCommand command, CancellationToken cancellationToken)
    {
        var human = await humans.FindActiveAsync(command.OrganizationId, command.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        human.Deactivate();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new DeletedDto(true, human.Id);
    }
}
