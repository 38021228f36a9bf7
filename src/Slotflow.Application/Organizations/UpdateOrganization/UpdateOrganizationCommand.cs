using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.UpdateOrganization;

/// <summary>
/// PATCH /admin/v1/organizations/{id}: a field left out (null) keeps its value. Moving to a plan without overage
/// turns auto-purchase off unless the request asks for it, which is refused.
/// </summary>
public sealed record UpdateOrganizationCommand(Guid OrganizationId, Plan? Plan, bool? AutoPurchase) : ICommand<OrganizationDto>;

public sealed class UpdateOrganizationCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork)
    : ICommandHandler<UpdateOrganizationCommand, OrganizationDto>
{
    // The plan change bumps the organization's token, so it conflicts with another change (or a cap claim) made
    // meanwhile; the loser applies its change again on top.
    public async ValueTask<OrganizationDto> Handle(UpdateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(command.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        organization.ChangePlan(command.Plan ?? organization.Plan, command.AutoPurchase);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return organization.ToDto();
    }
}
