using Riok.Mapperly.Abstractions;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks;

/// <summary>
/// Webhook as on the wire (spec §4): the signing secret is returned on create and on list. <c>active</c> is always
/// true: a subscription has no paused state, and a deleted one is removed, so every webhook shown is active.
/// </summary>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, string SigningSecret, bool Active, DateTimeOffset CreatedAt);

public sealed record WebhookListDto(IReadOnlyList<WebhookDto> Webhooks, int Total);

[Mapper]
public static partial class WebhookMapper
{
    [MapperIgnoreSource(nameof(Webhook.OrganizationId))]
    [MapValue(nameof(WebhookDto.Active), true)]
    public static partial WebhookDto ToDto(this Webhook webhook);
}
