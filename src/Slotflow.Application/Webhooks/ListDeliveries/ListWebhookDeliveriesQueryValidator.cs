using FluentValidation;
using Slotflow.Application.Common;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.ListDeliveries;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
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
        RuleFor(q => q.Limit).Must(Paging.IsValidLimit).When(q => q.Limit is not null).WithMessage(Paging.LimitMessage);
        RuleFor(q => q.Offset).Must(Paging.IsValidOffset).When(q => q.Offset is not null).WithMessage(Paging.OffsetMessage);
    }
}
