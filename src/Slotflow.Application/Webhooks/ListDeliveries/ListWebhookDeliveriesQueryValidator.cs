using System.Globalization;
using FluentValidation;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.ListDeliveries;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public const int MaxLimit = 100;

    public static readonly IReadOnlyDictionary<string, WebhookDeliveryStatus> Statuses = new Dictionary<string, WebhookDeliveryStatus>
    {
        ["pending"] = WebhookDeliveryStatus.Pending,
        ["delivered"] = WebhookDeliveryStatus.Delivered,
        ["failed"] = WebhookDeliveryStatus.Failed,
    };

    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => Statuses.ContainsKey(s!)).When(q => q.Status is not null)
            .WithMessage("status must be \"pending\", \"delivered\" or \"failed\".");
        RuleFor(q => q.Limit).Must(l => IsWhole(l, out var limit) && limit is >= 1 and <= MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit must be a whole number from 1 to {MaxLimit}.");
        RuleFor(q => q.Offset).Must(o => IsWhole(o, out _)).When(q => q.Offset is not null)
            .WithMessage("offset must be a whole number, 0 or more.");
    }

    private static bool IsWhole(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
