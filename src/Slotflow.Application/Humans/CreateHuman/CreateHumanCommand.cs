using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Humans.CreateHuman;

public sealed record CreateHumanCommand(Guid OrganizationId, string Name, string Timezone, string? Email, string? Role)
    : ICommand<HumanDto>;

public sealed class CreateHumanCommandHandler(
    IOrganizationRepository organizations,
    IHumanRepository humans,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateHumanCommand, HumanDto>
{
    // In a transaction that returns the answer, so that an Idempotency-Key's stored answer commits with the human.
    public async ValueTask<HumanDto> Handle(CreateHumanCommand command, CancellationToken cancellationToken) =>
        await unitOfWork.InTransactionAsync(
            async () =>
            {
                var organization = await organizations.FindAsync(command.OrganizationId, cancellationToken)
                    ?? throw DomainException.NotFound("Organization");

                // The seat claim bumps the organization's token, so two creates racing for the last seat cannot both commit.
                organization.ClaimHumanSeat(await humans.CountActiveAsync(command.OrganizationId, cancellationToken));

                var human = Human.Create(command.OrganizationId, command.Name, command.Timezone, command.Email, command.Role, clock.GetUtcNow());
                humans.Add(human);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return human.ToDto();
            },
            cancellationToken);
}
