using Mediator;
using Slotflow.Application.Common;
using Slotflow.Application.Humans;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.DeleteWebhook;

/// <summary>DELETE /v1/webhooks/{id}: the subscription is removed for good.</summary>
public sealed record DeleteWebhookCommand(Guid OrganizationId, Guid WebhookId) : ICommand<DeletedDto>;

public sealed class DeleteWebhookCommandHandler(IOrganizationRepository organizations, IWebhookRepository webhooks, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteWebhookCommand, DeletedDto>
{
    // A delete that lost to another deleting the same webhook finds it gone on the second look: 404, as it would after.
    public async ValueTask<DeletedDto> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.FindAsync(command.OrganizationId, command.WebhookId, cancellationToken)
            ?? throw DomainException.NotFound("Webhook");
        var organization = await organizations.FindAsync(command.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        organization.ReleaseWebhookSlot();
        webhooks.Remove(webhook);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new DeletedDto(true, webhook.Id);
    }
}
