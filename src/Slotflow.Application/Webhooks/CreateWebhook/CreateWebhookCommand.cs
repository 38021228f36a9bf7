using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.CreateWebhook;

/// <summary>POST /v1/webhooks.</summary>
public sealed record CreateWebhookCommand(Guid OrganizationId, string Url, IReadOnlyList<string> Events) : ICommand<WebhookDto>;

public sealed class CreateWebhookCommandHandler(
    IOrganizationRepository organizations,
    IWebhookRepository webhooks,
    IWebhookTargetPolicy targets,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateWebhookCommand, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var url = WebhookUrl.Canonicalize(command.Url) ?? throw DomainException.Invalid(Webhook.InvalidUrlMessage);
        if (await targets.RefusalAsync(new Uri(url), cancellationToken) is { } refusal)
        {
            throw DomainException.Invalid(refusal);
        }

        // In a transaction that returns the answer, so that an Idempotency-Key's stored answer commits with the webhook.
        return await unitOfWork.InTransactionAsync(
            async () =>
            {
                var organization = await organizations.FindAsync(command.OrganizationId, cancellationToken)
                    ?? throw DomainException.NotFound("Organization");
                // Compared in canonical form: rows stored before URLs were canonicalised may hold another spelling.
                var registered = await webhooks.ListUrlsAsync(command.OrganizationId, cancellationToken);
                if (registered.Any(r => (WebhookUrl.Canonicalize(r) ?? r) == url))
                {
                    throw DomainException.Invalid("url is already registered as a webhook of this organization.");
                }

                // The slot claim bumps the organization's token, so racing creates cannot pass the plan's cap.
                organization.ClaimWebhookSlot(await webhooks.CountAsync(command.OrganizationId, cancellationToken));
                var webhook = Webhook.Create(command.OrganizationId, url, command.Events, clock.GetUtcNow());
                webhooks.Add(webhook);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return webhook.ToDto();
            },
            cancellationToken);
    }
}
