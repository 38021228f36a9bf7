using Riok.Mapperly.Abstractions;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks;

/// <summary>A delivery as GET /v1/webhooks/{id}/deliveries shows it: outcome, schedule and every attempt.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid WebhookId,
    Guid BookingId,
    string Event,
    string Status,
    int AttemptCount,
    DateTimeOffset? NextAttemptAt,
    int? LastResponseCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookDeliveryAttemptDto> Attempts);

public sealed record WebhookDeliveryAttemptDto(int Number, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs);

public sealed record WebhookDeliveryListDto(IReadOnlyList<WebhookDeliveryDto> Deliveries, int Total, int Limit, int Offset);

[Mapper(EnumNamingStrategy = EnumNamingStrategy.SnakeCase)]
public static partial class WebhookDeliveryMapper
{
    [MapperIgnoreSource(nameof(WebhookDelivery.OrganizationId))]
    [MapperIgnoreSource(nameof(WebhookDelivery.Payload))]
    [MapperIgnoreSource(nameof(WebhookDelivery.AttemptLimit))]
    [MapperIgnoreSource(nameof(WebhookDelivery.Version))]
    public static partial WebhookDeliveryDto ToDto(this WebhookDelivery delivery);

    [MapperIgnoreSource(nameof(WebhookDeliveryAttempt.Succeeded))]
    private static partial WebhookDeliveryAttemptDto ToDto(WebhookDeliveryAttempt attempt);
}
