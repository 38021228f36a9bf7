using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Api.Validation;

public sealed class CreateWebhookRequestValidator : AbstractValidator<CreateWebhookRequest>
{
    public CreateWebhookRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Url)
            .NotEmpty().WithMessage("url is required.")
            .Must(url => url is not null && !WebhookUrl.HasWhitespaceOrControl(url))
            .WithMessage("url must not contain whitespace or control characters (spaces, tabs, CR, LF).")
            .Must(Webhook.IsValidUrl).WithMessage(Webhook.InvalidUrlMessage);

        RuleFor(c => c.Events)
            .NotEmpty().WithMessage("events is required and must not be empty.")
            .Must(Webhook.AreValidEvents)
            .WithMessage($"events must be distinct events from: {string.Join(", ", Webhook.KnownEvents)}.");
    }
}
