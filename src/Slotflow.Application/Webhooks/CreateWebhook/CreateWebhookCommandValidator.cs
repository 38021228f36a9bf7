using FluentValidation;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Url)
            .NotEmpty().WithMessage("url is required.")
            .Must(url => !WebhookUrl.HasWhitespaceOrControl(url!)).WithMessage("url must not contain whitespace or control characters (spaces, tabs, CR, LF).")
            .Must(Webhook.IsValidUrl).WithMessage($"url must be an absolute http or https URL of at most {Webhook.MaxUrlLength} characters.");

        RuleFor(c => c.Events)
            .NotEmpty().WithMessage("events is required and must not be empty.")
            .Must(events => Webhook.AreValidEvents([.. events!]))
            .WithMessage($"events must be distinct events from: {string.Join(", ", Webhook.KnownEvents)}.");
    }
}
